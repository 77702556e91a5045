# Helpers for credential tests; source tests/lib/moto.sh first (its
# EXIT trap stops what is started here too).
#
#   creds_clean            unset every variable the credential chain
#                          reads, and point the shared files nowhere
#   fakecreds_start ARGS   start tests/lib/fakecreds.py; sets CREDS_URL
#                          (the credential endpoint) and, with
#                          --upstream, S3_URL (its checking S3 proxy)
#   leaks FILE...          count the lines of FILEs holding a secret the
#                          fake server handed out or the test set in
#                          SECRETS (space-separated)

creds_clean() {
	unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN \
	    AWS_PROFILE AWS_DEFAULT_PROFILE AWS_WEB_IDENTITY_TOKEN_FILE \
	    AWS_ROLE_ARN AWS_ROLE_SESSION_NAME \
	    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI \
	    AWS_CONTAINER_CREDENTIALS_FULL_URI \
	    AWS_CONTAINER_AUTHORIZATION_TOKEN \
	    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \
	    AWS_EC2_METADATA_SERVICE_ENDPOINT AWS_ENDPOINT_URL_STS
	export AWS_CONFIG_FILE="$PWD/no-such-config" \
	    AWS_SHARED_CREDENTIALS_FILE="$PWD/no-such-credentials" \
	    AWS_EC2_METADATA_DISABLED=true
}

fakecreds_start() {
	rm -f creds.url
	python3 "$LIB/fakecreds.py" --url-file creds.url --log creds.log \
	    "$@" 2>fakecreds.err &
	_pids="$_pids $!"
	for _ in $(seq 100); do
		[ -s creds.url ] && break
		sleep 0.05
	done
	[ -s creds.url ] || { echo "fakecreds did not start" >&2; exit 99; }
	CREDS_URL=$(sed -n 's/^creds //p' creds.url)
	S3_URL=$(sed -n 's/^s3 //p' creds.url)
}

# The fake server's secrets are fakeSecretN/x+sss... and
# fakeTokenN/ttt...=; the test adds its own in SECRETS.
leaks() {
	n=0
	for f in "$@"; do
		c=$(grep -c -F -e fakeSecret -e fakeToken -e imdsToken \
		    $(for s in ${SECRETS:-}; do printf -- '-e %s ' "$s"; done) \
		    "$f")
		n=$((n + c))
	done
	echo "lines with a secret: $n"
}
