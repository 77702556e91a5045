"""A fault-injecting HTTP proxy for S3 tests (127.0.0.1 only).

Forwards requests to --upstream (a moto_server) and, following a plan,
answers some of them badly instead.  Plan lines: PATTERN FAULT COUNT,
where PATTERN is a substring of the raw request target (or "*"), COUNT
how many matching requests get the fault ("always" for all).  Faults:

  503       503 SlowDown          500  500 InternalError
  403       403 AccessDenied      reset  connection reset, no answer
  truncate  the real headers and half the body, then the connection
            closes
  stall     the real headers and half the body, then silence for
            --stall seconds
  lost      the request goes through, then the connection is reset
            before the answer (a write that happened, unbeknown)
  hang      the request is read but never forwarded: silence for
            --stall seconds, then a reset (a client killed meanwhile)

A request with a body (PUT, POST) meets "truncate" as a truncated
upload: half its body is read, then the connection closes unanswered.

With --verify KEYID:SECRET[:TOKEN] every request must carry a valid
AWS Signature V4, checked the way S3 checks it: the canonical request
is rebuilt from the decoded path and query, so a client whose encoding
differs from AWS's fails here even where moto would let it pass; and,
as S3 does, a body must match its x-amz-content-sha256 and Content-MD5.
With --region REGION the bucket lives in REGION: a request signed for
another region is answered as S3 answers it, 301 PermanentRedirect
naming REGION in x-amz-bucket-region.
Every request is logged to --log as "METHOD TARGET OUTCOME".
"""
import argparse
import base64
import hashlib
import hmac
import os
import http.client
import http.server
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.parse

EMPTY = hashlib.sha256(b"").hexdigest()
lock = threading.Lock()


def error_doc(code, msg):
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s"
            "</Code><Message>%s</Message></Error>" % (code, msg)).encode()


def quote(s):
    return urllib.parse.quote(s, safe="-_.~")


def canonical_query(raw):
    pairs = []
    for p in raw.split("&") if raw else []:
        k, _, v = p.partition("=")
        pairs.append((quote(urllib.parse.unquote(k)),
                      quote(urllib.parse.unquote(v))))
    return "&".join("%s=%s" % kv for kv in sorted(pairs))


def check_sigv4(method, target, headers, keyid, secret, token):
    """Returns None when the signature is right, else why not."""
    auth = headers.get("Authorization", "")
    if not auth.startswith("AWS4-HMAC-SHA256 "):
        return "no SigV4 Authorization header"
    fields = dict(f.strip().split("=", 1)
                  for f in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    cred = fields["Credential"].split("/")
    signed = fields["SignedHeaders"].split(";")
    if cred[0] != keyid:
        return "unknown key id"
    hdrs = {k.lower(): " ".join(v.split()) for k, v in headers.items()}
    for need in ("host", "x-amz-date", "x-amz-content-sha256"):
        if need not in signed:
            return "%s not signed" % need
    for h in hdrs:
        if h.startswith("x-amz-") and h not in signed:
            return "%s not signed" % h
    if token is not None and hdrs.get("x-amz-security-token") != token:
        return "session token missing"
    if method == "GET" and hdrs["x-amz-content-sha256"] not in (
            EMPTY, "UNSIGNED-PAYLOAD"):
        return "payload hash is not that of an empty body"
    path, _, raw = target.partition("?")
    creq = "\n".join([
        method,
        urllib.parse.quote(urllib.parse.unquote(path), safe="/-_.~"),
        canonical_query(raw),
        "".join("%s:%s\n" % (h, hdrs.get(h, "")) for h in signed),
        ";".join(signed),
        hdrs["x-amz-content-sha256"]])
    date = hdrs["x-amz-date"]
    scope = "/".join(cred[1:])
    sts = "\n".join(["AWS4-HMAC-SHA256", date, scope,
                     hashlib.sha256(creq.encode()).hexdigest()])
    k = ("AWS4" + secret).encode()
    for part in cred[1:]:
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    want = hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(want, fields["Signature"]):
        return "signature does not match"
    return None


def signed_region(headers):
    """The region in a SigV4 Authorization header's scope, or None."""
    auth = headers.get("Authorization", "")
    for part in auth.replace(",", " ").split():
        if part.startswith("Credential="):
            cred = part[len("Credential="):].split("/")
            return cred[2] if len(cred) > 2 else None
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def log(self, outcome):
        if self.server.opts.log:
            with lock, open(self.server.opts.log, "a") as f:
                f.write("%s %s %s\n" % (self.command, self.path, outcome))

    def fault(self):
        with lock:
            for rule in self.server.plan:
                pat, what, left = rule
                if (pat == "*" or pat in self.path) and left != 0:
                    rule[2] = left - 1
                    return what
        return None

    def reply(self, status, body, outcome):
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.log(outcome)

    def reset(self, outcome="reset"):
        self.log(outcome)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.close_connection = True

    def read_body(self, what):
        n = int(self.headers.get("Content-Length") or 0)
        if what == "truncate" and n > 0:
            self.rfile.read(n // 2)
            self.log("truncate")
            self.close_connection = True
            return None
        return self.rfile.read(n) if n > 0 else b""

    def check_body(self, body):
        """S3's checks of a body; None when it passes."""
        want = self.headers.get("x-amz-content-sha256", "")
        if len(want) == 64 and hashlib.sha256(body).hexdigest() != want:
            return ("XAmzContentSHA256Mismatch",
                    "body does not match x-amz-content-sha256")
        md5 = self.headers.get("Content-MD5")
        if md5 is not None and base64.b64encode(
                hashlib.md5(body).digest()).decode() != md5:
            return "BadDigest", "body does not match Content-MD5"
        return None

    def do_GET(self):
        o = self.server.opts
        if o.delay:
            time.sleep(o.delay)
        what = self.fault()
        body = self.read_body(what)
        if body is None:
            return
        if o.verify:
            keyid, secret, token = (o.verify.split(":") + [None])[:3]
            why = check_sigv4(self.command, self.path, self.headers, keyid,
                              secret, token)
            if why is not None:
                self.reply(403, error_doc("SignatureDoesNotMatch", why),
                           "403 " + why)
                return
            bad = self.check_body(body)
            if bad is not None:
                self.reply(400, error_doc(*bad), "400 " + bad[0])
                return
        if o.region and signed_region(self.headers) != o.region:
            self.send_response(301)
            self.send_header("x-amz-bucket-region", o.region)
            body = error_doc("PermanentRedirect", "The bucket you are "
                             "attempting to access must be addressed "
                             "using the specified endpoint.")
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.log("301 " + o.region)
            return
        if what == "503":
            self.reply(503, error_doc("SlowDown", "Please reduce your "
                                      "request rate."), "503")
            return
        if what == "500":
            self.reply(500, error_doc("InternalError", "We encountered an "
                                      "internal error."), "500")
            return
        if what == "403":
            self.reply(403, error_doc("AccessDenied", "Access Denied"), "403")
            return
        if what == "reset":
            self.reset()
            return
        if what == "hang":
            self.log("hang")
            time.sleep(o.stall)
            self.reset("hang over")
            return
        up = urllib.parse.urlsplit(o.upstream)
        conn = http.client.HTTPConnection(up.hostname, up.port, timeout=30)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("connection", "keep-alive")}
        conn.request(self.command, self.path, body=body or None,
                     headers=headers)
        resp = conn.getresponse()
        length = resp.getheader("Content-Length")
        body = resp.read()
        conn.close()
        if what == "lost":
            self.reset("lost")
            return
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("connection", "transfer-encoding",
                                 "content-length", "server", "date"):
                self.send_header(k, v)
        if self.command == "HEAD":
            self.send_header("Content-Length", length or "0")
            self.end_headers()
            self.log(str(resp.status))
            return
        self.send_header("Content-Length", str(len(body)))
        if what in ("truncate", "stall"):
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            self.log(what)
            if what == "stall":
                time.sleep(o.stall)
            self.close_connection = True
            return
        self.end_headers()
        self.wfile.write(body)
        self.log(str(resp.status))


    do_PUT = do_POST = do_HEAD = do_DELETE = do_GET


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--url-file", required=True)
    ap.add_argument("--log")
    ap.add_argument("--plan")
    ap.add_argument("--verify")
    ap.add_argument("--delay", type=float, default=0)
    ap.add_argument("--region")
    ap.add_argument("--stall", type=float, default=5)
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    opts = ap.parse_args()
    srv = Server(("127.0.0.1", 0), Handler)
    srv.opts = opts
    srv.plan = []
    if opts.plan:
        with open(opts.plan) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    pat, what, count = line.split()
                    srv.plan.append([pat, what,
                                     -1 if count == "always" else int(count)])
    scheme = "http"
    if opts.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(*opts.tls)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
        scheme = "https"
    with open(opts.url_file + ".tmp", "w") as f:
        f.write("%s://127.0.0.1:%d\n" % (scheme, srv.server_address[1]))
    os.rename(opts.url_file + ".tmp", opts.url_file)
    srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
