# Sourced by tests that talk to AWS Glue: a moto_server of their own on
# a free 127.0.0.1 port, in signature-checking mode, so that a SigV4 bug
# fails here as it would on AWS.  moto lets the first three requests in
# unsigned; they create an IAM user, its allow-all policy and its access
# key, and every later request must be signed with that key.
#   moto_glue_start   start, export AWS_* for the tools (returns 1 on failure;
#                     exits 99 if it does not start listening)
#   moto_glue_stop    stop it (tests call it from an EXIT trap)
# glue ACTION JSON, free_port and wait_port come from moto.sh; its
# moto_start is not used here, as these tests keep AWS_ENDPOINT_URL unset.
. "$TOP/tests/lib/moto.sh"

moto_iam() {
	curl -sf -H "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260301/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0" \
	    --data-urlencode Version=2010-05-08 --data-urlencode UserName=ll \
	    "$@" "http://127.0.0.1:$MOTO_PORT/"
}

moto_glue_start() {
	if ! command -v moto_server >/dev/null; then
		echo "moto_server is not installed" >&2
		exit 77
	fi
	MOTO_PORT=$(free_port)
	INITIAL_NO_AUTH_ACTION_COUNT=3 moto_server -H 127.0.0.1 \
	    -p "$MOTO_PORT" >moto.log 2>&1 &
	MOTO_PID=$!
	wait_port "$MOTO_PORT"
	moto_iam --data-urlencode Action=CreateUser >/dev/null &&
	moto_iam --data-urlencode Action=PutUserPolicy \
	    --data-urlencode PolicyName=all --data-urlencode \
	    'PolicyDocument={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' \
	    >/dev/null &&
	moto_iam --data-urlencode Action=CreateAccessKey >moto-key.xml ||
	    return 1
	AWS_ACCESS_KEY_ID=$(sed -n 's:.*<AccessKeyId>\([^<]*\)<.*:\1:p' moto-key.xml)
	AWS_SECRET_ACCESS_KEY=$(sed -n 's:.*<SecretAccessKey>\([^<]*\)<.*:\1:p' moto-key.xml)
	AWS_REGION=us-east-1
	AWS_ENDPOINT_URL_GLUE=http://127.0.0.1:$MOTO_PORT
	export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION \
	    AWS_ENDPOINT_URL_GLUE
	unset AWS_SESSION_TOKEN AWS_DEFAULT_REGION AWS_ENDPOINT_URL
}

moto_glue_stop() {
	if [ -n "${MOTO_PID:-}" ]; then
		kill "$MOTO_PID" 2>/dev/null
		wait "$MOTO_PID" 2>/dev/null
		MOTO_PID=
	fi
}
