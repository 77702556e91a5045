"""A fake credential endpoint, and an S3 proxy that checks its keys.

For credential tests, on 127.0.0.1 only.  One process serves:

  the credentials  --mode imds: EC2 instance metadata, IMDSv2 (PUT
                   /latest/api/token, then GET .../security-credentials/
                   and .../ROLE with the token; a GET without it gets
                   401); with --v1 the PUT gets 404 and tokens are not
                   needed.  --mode container: GET /creds, the
                   Authorization header must be --auth (or the content
                   of --auth-file, read at each request).
  an S3 proxy      with --upstream URL (a moto_server): every request
                   must carry a valid SigV4 signature made with a set
                   this server handed out, with its session token;
                   one whose set has expired is answered 400
                   ExpiredToken, as S3 does.  POST requests (STS) go
                   to moto as they are, and the credentials in its
                   answers are learnt as valid ones.

Each set handed out is new: key ASIAFAKE0000000N, expiring --ttl
seconds after it was handed out.  With --lie S the Expiration
announced is S seconds later than the real one, as with a clock that
is wrong, so that a client trusting it gets ExpiredToken.  Every
request is logged to --log as one line.  --delay S holds each S3 request S
seconds before it is checked; --anonymous lets unsigned S3 requests
through (a public bucket).  The URLs go to --url-file as
"creds URL" and "s3 URL" lines.
"""
import argparse
import datetime
import http.client
import http.server
import os
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultproxy import check_sigv4, error_doc  # noqa: E402

lock = threading.Lock()
issued = {}                     # key id -> (secret, token, real expiry)
counter = [0]
imds_tokens = set()


def log(opts, line):
    if opts.log:
        with lock, open(opts.log, "a") as f:
            f.write(line + "\n")


def iso(t):
    return datetime.datetime.fromtimestamp(
        int(t), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def issue(opts):
    with lock:
        counter[0] += 1
        n = counter[0]
        now = time.time()
        key = "ASIAFAKE%08d" % n
        secret = "fakeSecret%d/x+%s" % (n, "s" * 20)
        token = "fakeToken%d/%s=" % (n, "t" * 40)
        issued[key] = (secret, token, now + opts.ttl)
    log(opts, "issue %d" % n)
    return {"Code": "Success", "Type": "AWS-HMAC",
            "AccessKeyId": key, "SecretAccessKey": secret, "Token": token,
            "Expiration": iso(now + opts.ttl + opts.lie),
            "LastUpdated": iso(now)}


class Creds(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="text/plain"):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self):
        o = self.server.opts
        if o.mode != "imds" or self.path != "/latest/api/token":
            self.send(404, "")
            return
        if o.v1:
            log(o, "imds PUT token 404")
            self.send(404, "")
            return
        if not self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
            log(o, "imds PUT token 400")
            self.send(400, "")
            return
        tok = "imdsToken%d" % len(imds_tokens)
        with lock:
            imds_tokens.add(tok)
        log(o, "imds PUT token 200")
        self.send(200, tok)

    def do_GET(self):
        o = self.server.opts
        if o.mode == "container":
            want = o.auth
            if o.auth_file:
                with open(o.auth_file) as f:
                    want = f.read().strip()
            if self.path != "/creds" or \
                    self.headers.get("Authorization") != want:
                log(o, "container GET %s 403" % self.path)
                self.send(403, '{"message": "no"}')
                return
            log(o, "container GET /creds 200")
            self.send(200, json_dumps(issue(o)), "application/json")
            return
        tok = self.headers.get("X-aws-ec2-metadata-token")
        if not o.v1 and tok not in imds_tokens:
            log(o, "imds GET %s 401" % self.path)
            self.send(401, "")
            return
        base = "/latest/meta-data/iam/security-credentials/"
        if self.path == base:
            log(o, "imds GET role")
            self.send(200, o.role)
        elif self.path == base + o.role:
            log(o, "imds GET credentials")
            self.send(200, json_dumps(issue(o)), "application/json")
        else:
            log(o, "imds GET %s 404" % self.path)
            self.send(404, "")


def json_dumps(o):
    import json
    return json.dumps(o, indent=2)


class S3(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, outcome):
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        log(self.server.opts, "s3 %s %s" % (self.command, outcome))

    def do_GET(self):
        o = self.server.opts
        if o.delay:
            time.sleep(o.delay)
        auth = self.headers.get("Authorization", "")
        if not auth and o.anonymous:
            self.forward("unsigned")
            return
        key = auth.split("Credential=")[-1].split("/")[0] if \
            "Credential=" in auth else ""
        with lock:
            known = issued.get(key)
        if known is None:
            self.reply(403, error_doc("InvalidAccessKeyId", "unknown key"),
                       "403 InvalidAccessKeyId")
            return
        secret, token, expiry = known
        why = check_sigv4(self.command, self.path, self.headers, key,
                          secret, token)
        if why is not None:
            self.reply(403, error_doc("SignatureDoesNotMatch", why),
                       "403 " + why)
            return
        gen = int(key[len("ASIAFAKE"):]) if key.startswith("ASIAFAKE") \
            else 0
        if time.time() >= expiry:
            self.reply(400, error_doc("ExpiredToken", "The provided token "
                                      "has expired."),
                       "400 ExpiredToken set %d" % gen)
            return
        self.forward("set %d" % gen if gen else "learnt set")

    def forward(self, what):
        o = self.server.opts
        up = urllib.parse.urlsplit(o.upstream)
        conn = http.client.HTTPConnection(up.hostname, up.port, timeout=30)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("connection", "keep-alive")}
        conn.request(self.command, self.path, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("connection", "transfer-encoding",
                                 "content-length", "server", "date"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        log(o, "s3 GET %d %s" % (resp.status, what))

    def do_POST(self):
        """STS, passed to moto: the credentials it hands out are learnt."""
        o = self.server.opts
        n = int(self.headers.get("Content-Length", "0"))
        req = self.rfile.read(n)
        form = urllib.parse.parse_qs(req.decode())
        up = urllib.parse.urlsplit(o.upstream)
        conn = http.client.HTTPConnection(up.hostname, up.port, timeout=30)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("connection", "keep-alive")}
        conn.request("POST", self.path, body=req, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        learnt = ""
        if resp.status == 200 and b"<AccessKeyId>" in body:
            c = ET.fromstring(body).find(".//{*}Credentials")
            key = c.findtext("{*}AccessKeyId")
            exp = datetime.datetime.fromisoformat(
                c.findtext("{*}Expiration").replace("Z", "+00:00"))
            with lock:
                issued[key] = (c.findtext("{*}SecretAccessKey"),
                               c.findtext("{*}SessionToken"),
                               exp.timestamp())
            learnt = " learnt"
        self.send_response(resp.status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        log(o, "sts %s %s %s %d%s%s" % (
            form.get("Action", ["?"])[0],
            form.get("RoleSessionName", ["?"])[0],
            "signed" if self.headers.get("Authorization") else "unsigned",
            resp.status, learnt,
            " token of %d bytes" % len(form["WebIdentityToken"][0])
            if "WebIdentityToken" in form else ""))


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=("imds", "container", "none"),
                    required=True)
    ap.add_argument("--url-file", required=True)
    ap.add_argument("--log")
    ap.add_argument("--ttl", type=float, default=3600)
    ap.add_argument("--lie", type=float, default=0)
    ap.add_argument("--v1", action="store_true")
    ap.add_argument("--role", default="ll-reader")
    ap.add_argument("--auth", default="")
    ap.add_argument("--auth-file")
    ap.add_argument("--upstream")
    ap.add_argument("--delay", type=float, default=0)
    ap.add_argument("--anonymous", action="store_true")
    opts = ap.parse_args()
    servers = [Server(("127.0.0.1", 0), Creds)]
    if opts.upstream:
        servers.append(Server(("127.0.0.1", 0), S3))
    for s in servers:
        s.opts = opts
        threading.Thread(target=s.serve_forever, daemon=True).start()
    with open(opts.url_file + ".tmp", "w") as f:
        for name, s in zip(("creds", "s3"), servers):
            f.write("%s http://127.0.0.1:%d\n" % (name, s.server_address[1]))
    os.rename(opts.url_file + ".tmp", opts.url_file)
    threading.Event().wait()


if __name__ == "__main__":
    sys.exit(main())
