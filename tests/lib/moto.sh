# Shared helpers for ll-fetch tests: local servers on 127.0.0.1 only.
# Source it from a test case (". "$TOP/tests/lib/moto.sh"); every
# server started here is stopped when the case exits.
#
#   moto_start [auth]   starts moto_server on a free port and sets
#                       MOTO_URL; with "auth" it checks SigV4 signatures
#                       and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY hold
#                       the key of an IAM user made for the test;
#                       MOTO_PID is its process
#   proxy_start ARGS    starts tests/lib/faultproxy.py in front of
#                       MOTO_URL and sets PROXY_URL
#   seed ARGS           runs tests/lib/s3seed.py against MOTO_URL
#   glue ACTION JSON    a signed Glue call, for setting up and reading
#                       back, to AWS_ENDPOINT_URL_GLUE or else MOTO_URL

LIB="$TOP/tests/lib"
_pids=""
trap '_stop' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

_stop() {
	for p in $_pids; do
		kill "$p" 2>/dev/null || :
	done
	for p in $_pids; do
		wait "$p" 2>/dev/null || :
	done
	_pids=""
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Readiness is a plain TCP connect: with signature checking on, every
# HTTP request counts against moto's unauthenticated allowance.
wait_port() {
	python3 - "$1" <<'PY' || { echo "server on port $1 did not start" >&2; exit 99; }
import socket, sys, time
for _ in range(300):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

moto_start() {
	if ! command -v moto_server >/dev/null 2>&1; then
		echo "moto_server not found: these tests need a local S3" \
		    "(moto with its server extra)" >&2
		exit 77
	fi
	port=$(free_port)
	if [ "${1:-}" = auth ]; then
		INITIAL_NO_AUTH_ACTION_COUNT=3 moto_server -H 127.0.0.1 \
		    -p "$port" >moto.log 2>&1 &
	else
		moto_server -H 127.0.0.1 -p "$port" >moto.log 2>&1 &
	fi
	MOTO_PID=$!
	_pids="$_pids $!"
	wait_port "$port"
	MOTO_URL="http://127.0.0.1:$port"
	export AWS_ENDPOINT_URL="$MOTO_URL" AWS_REGION=us-east-1
	unset AWS_ENDPOINT_URL_S3 AWS_ENDPOINT_URL_GLUE AWS_DEFAULT_REGION \
	    AWS_SESSION_TOKEN AWS_PROFILE AWS_CA_BUNDLE
	if [ "${1:-}" = auth ]; then
		set -- $(python3 "$LIB/s3seed.py" "$MOTO_URL" iam) ||
		    exit 99
		export AWS_ACCESS_KEY_ID="$1" AWS_SECRET_ACCESS_KEY="$2"
	else
		export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
	fi
}

proxy_start() {
	rm -f proxy.url
	python3 "$LIB/faultproxy.py" --upstream "$MOTO_URL" \
	    --url-file proxy.url "$@" 2>proxy.err &
	_pids="$_pids $!"
	for _ in $(seq 100); do
		[ -s proxy.url ] && break
		sleep 0.05
	done
	[ -s proxy.url ] || { echo "faultproxy did not start" >&2; exit 99; }
	PROXY_URL=$(cat proxy.url)
}

seed() {
	python3 "$LIB/s3seed.py" "$MOTO_URL" "$@"
}

# Glue answers on moto's own port; a case that puts S3 behind the proxy
# still sends Glue straight there through AWS_ENDPOINT_URL_GLUE.
glue() {
	curl -s --aws-sigv4 "aws:amz:$AWS_REGION:glue" \
	    --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \
	    -H 'Content-Type: application/x-amz-json-1.1' \
	    -H "X-Amz-Target: AWSGlue.$1" -d "$2" \
	    "${AWS_ENDPOINT_URL_GLUE:-$MOTO_URL}/"
	echo
}
