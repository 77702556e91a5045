"""A tiny misbehaving S3 for ll-fetch tests (127.0.0.1 only).

python3 fakes3.py PORTFILE MODE [OBJECTS] serves on a free port (written
to PORTFILE) and logs every request target, exactly as received, to
standard output.  OBJECTS holds one object a line, KEY<tab>DATA (the
object's bytes are DATA and a newline).  GET
/BUCKET/KEY answers the object whose key is the raw path's rest,
percent-decoded and never normalised (so "a/../b" and "b" are two
objects), or 404.
Listings (GET /BUCKET/?list-type=2...) depend on MODE:

  repeat-token   every page is truncated and names the same next token
  cycle-token    the tokens go A, B, A, B...
  self-prefix    a delimited listing names the requested prefix itself
                 as one of its common prefixes
  parent-prefix  ... names the parent of the requested prefix
  error-echo     every listing is refused 403 with a message that repeats
                 the caller's key id and session token, the secret in
                 $AWS_SECRET_ACCESS_KEY, C1 controls, line breaks and
                 5000 bytes
  plain          one page: the objects

It stops after 60 seconds whatever happens.
"""
import http.server
import os
import sys
import threading
import urllib.parse
from xml.sax.saxutils import escape

mode = sys.argv[2]
lock = threading.Lock()
objects = {}
if len(sys.argv) > 3:
    with open(sys.argv[3], encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("\t")
            objects[k] = (v + "\n").encode()


def q(s):
    return escape(urllib.parse.quote(s, safe="/"))


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, code, body, ctype="application/xml"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def listing(self, query):
        prefix = query.get("prefix", [""])[0]
        token = query.get("continuation-token", [None])[0]
        delim = "delimiter" in query
        contents, prefixes, nxt = [], [], None
        if mode == "repeat-token":
            nxt = "T1"
        elif mode == "cycle-token":
            nxt = "B" if token == "A" else "A"
        elif mode == "self-prefix" and delim:
            prefixes = [prefix]
        elif mode == "parent-prefix" and delim:
            prefixes = [prefix.rstrip("/").rpartition("/")[0] + "/"
                        if "/" in prefix.rstrip("/") else "a/b/"]
        elif mode == "plain":
            contents = [(k, len(v)) for k, v in objects.items()
                        if k.startswith(prefix)]
        x = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult>"
             "<EncodingType>url</EncodingType>"]
        if mode != "plain":
            contents = [("%sobj-%s" % (prefix, token or "0"), 3)]
        for k, n in sorted(contents):
            x.append("<Contents><Key>%s</Key><Size>%d</Size>"
                     "<LastModified>2026-03-01T10:00:00.000Z</LastModified>"
                     "</Contents>" % (q(k), n))
        for p in prefixes:
            x.append("<CommonPrefixes><Prefix>%s</Prefix></CommonPrefixes>"
                     % q(p))
        x.append("<IsTruncated>%s</IsTruncated>" %
                 ("true" if nxt else "false"))
        if nxt:
            x.append("<NextContinuationToken>%s</NextContinuationToken>" % nxt)
        x.append("</ListBucketResult>")
        return "".join(x).encode()

    def echoed(self):
        auth = self.headers.get("Authorization", "")
        keyid = auth.split("Credential=")[-1].split("/")[0]
        # XML 1.0 has no escape character, but C1 controls (CSI) and
        # line breaks it has.
        msg = ("\u009b2Jdenied for %s with secret %s and token %s\r\n"
               "next\t\u0085 %s" % (keyid, os.environ.get(
                   "AWS_SECRET_ACCESS_KEY", ""),
                   self.headers.get("X-Amz-Security-Token", ""), "A" * 5000))
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                "AccessDenied\u009b0m</Code><Message>%s</Message></Error>" %
                escape(msg)).encode()

    def do_GET(self):
        with lock:
            sys.stdout.write("GET %s\n" % self.path)
            sys.stdout.flush()
        path, _, query = self.path.partition("?")
        bucket, _, key = path.lstrip("/").partition("/")
        if query:
            if mode == "error-echo":
                return self.reply(403, self.echoed())
            return self.reply(200, self.listing(urllib.parse.parse_qs(
                query, keep_blank_values=True)))
        key = urllib.parse.unquote(key)
        if key not in objects:
            return self.reply(404, b"<Error><Code>NoSuchKey</Code>"
                              b"<Message>no such key</Message></Error>")
        self.reply(200, objects[key], "application/octet-stream")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
threading.Timer(60, server.shutdown).start()
server.serve_forever()
