"""A stand-in Glue for testing what moto cannot do: throttle, fail.

python3 glue-stub.py PORTFILE ANSWER...  serves on a free 127.0.0.1 port
(written to PORTFILE) and logs each call to stdout as "TARGET N" (N: the
partitions in a BatchCreatePartition).  Each BatchCreatePartition takes
the next ANSWER: "throttle" (400 ThrottlingException), "500", "invalid"
(400 InvalidInputException), "errors" (200 with one AlreadyExists and one
InvalidInput entry for its 2nd and 3rd partitions), "echo" (400 whose
message repeats the caller's key id, session token and the secret in
$AWS_SECRET_ACCESS_KEY, with terminal escapes, a newline and 5000 more
bytes), "errors-echo" (200 with such a message for the 1st partition)
or "ok"; the last answer repeats.  It stops after 60 seconds whatever
happens.
"""
import http.server
import json
import os
import sys
import threading

answers = sys.argv[2:] or ["ok"]
calls = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def echoed(self):
        """A message as a careless or hostile service might write it."""
        auth = self.headers.get("Authorization", "")
        keyid = auth.split("Credential=")[-1].split("/")[0]
        return ("\x1b[31mdenied\x1b[0m for %s with secret %s and token %s"
                "\nsecond line\x07 \u00e9\u0085 %s" % (
                    keyid, os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
                    self.headers.get("X-Amz-Security-Token", ""), "A" * 5000))

    def do_POST(self):
        global calls
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        target = self.headers.get("X-Amz-Target", "")
        signed = self.headers.get("Authorization", "").startswith(
            "AWS4-HMAC-SHA256 Credential=AKIDSTUB/")
        if target == "AWSGlue.GetTable":
            print("GetTable", "signed" if signed else "unsigned", flush=True)
            return self.reply(200, {"Table": {
                "Name": body["Name"], "DatabaseName": body["DatabaseName"],
                "PartitionKeys": [{"Name": "calendarday", "Type": "string"}],
                "StorageDescriptor": {"Location": "s3://x/t/", "Columns": []}}})
        parts = body.get("PartitionInputList", [])
        print(target.split(".")[-1], len(parts), flush=True)
        a = answers[min(calls, len(answers) - 1)]
        calls += 1
        if a == "throttle":
            return self.reply(400, {"__type": "ThrottlingException",
                                    "message": "Rate exceeded"})
        if a == "500":
            return self.reply(500, {"__type": "InternalServiceException",
                                    "message": "try later"})
        if a == "invalid":
            return self.reply(400, {"__type": "InvalidInputException",
                                    "message": "no such thing"})
        if a == "echo":
            return self.reply(400, {"__type": "AccessDeniedException",
                                    "message": self.echoed()})
        errors = []
        if a == "errors-echo":
            errors = [{"PartitionValues": parts[0]["Values"], "ErrorDetail": {
                "ErrorCode": "InvalidInputException\x1b]0;title\x07",
                "ErrorMessage": self.echoed()}}]
        if a == "errors":
            errors = [{"PartitionValues": parts[1]["Values"], "ErrorDetail": {
                "ErrorCode": "AlreadyExistsException",
                "ErrorMessage": "Partition already exists."}},
                {"PartitionValues": parts[2]["Values"], "ErrorDetail": {
                    "ErrorCode": "InvalidInputException",
                    "ErrorMessage": "bad location"}}]
        return self.reply(200, {"Errors": errors})


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
threading.Timer(60, server.shutdown).start()
server.serve_forever()
