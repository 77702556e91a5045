#!/usr/bin/env python3
"""A read-only S3 stand-in for the fetch benchmark, on 127.0.0.1 only.

usage: s3static.py --bucket NAME --root DIR --url-file FILE

Serves the files under DIR as the objects of bucket NAME, path-style:
ListObjectsV2 (prefix, start-after, continuation-token, max-keys,
encoding-type=url), GET and HEAD of an object.  Requests are not
authenticated.  It exists because moto_server spends about 2 ms of CPU
on every GET and closes the connection after each answer, so with moto
the benchmark measures moto; this server keeps connections alive, runs
one event loop (no threads waiting on each other for Python's lock) and
answers from an index made at start, so the clients' own costs show.
Both clients are measured against the same server.  The URL it listens
on is written to FILE once it is ready.
"""
import argparse
import asyncio
import hashlib
import os
import socket
import sys
import time
import urllib.parse
from email.utils import formatdate
from xml.sax.saxutils import escape

MAX_KEYS = 1000


def index(root):
    """Every file under ROOT as (key, path, size, etag, iso time), by key."""
    objs = []
    for top, _, files in os.walk(root):
        for f in files:
            path = os.path.join(top, f)
            key = os.path.relpath(path, root).replace(os.sep, "/")
            with open(path, "rb") as fh:
                data = fh.read()
            st = os.stat(path)
            iso = time.strftime("%Y-%m-%dT%H:%M:%S.000Z",
                                time.gmtime(st.st_mtime))
            objs.append((key, path, len(data),
                         '"%s"' % hashlib.md5(data).hexdigest(), iso,
                         formatdate(st.st_mtime, usegmt=True)))
    objs.sort()
    return objs


def reply(code, body, ctype="application/xml", head=False, extra=()):
    """One HTTP/1.1 answer, headers and body in one buffer."""
    lines = ["HTTP/1.1 %d %s" % (code, "OK" if code == 200 else "Error"),
             "Content-Type: " + ctype, "Content-Length: %d" % len(body)]
    lines += ["%s: %s" % kv for kv in extra]
    out = ("\r\n".join(lines) + "\r\n\r\n").encode()
    return out if head else out + body


def error(code, what):
    return reply(code, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
                        "<Code>%s</Code><Message>%s</Message></Error>"
                        % (what, what)).encode())


class Bucket:
    def __init__(self, name, root):
        self.name = name
        self.objs = index(root)
        self.by_key = {o[0]: o for o in self.objs}

    def answer(self, method, target):
        head = method == "HEAD"
        url = urllib.parse.urlsplit(target)
        parts = url.path.lstrip("/").split("/", 1)
        if parts[0] != self.name:
            return error(404, "NoSuchBucket")
        if len(parts) == 1 or parts[1] == "":
            q = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            return self.list(q, head)
        o = self.by_key.get(urllib.parse.unquote(parts[1]))
        if o is None:
            return error(404, "NoSuchKey")
        with open(o[1], "rb") as fh:
            data = fh.read()
        return reply(200, data, "binary/octet-stream", head,
                     (("ETag", o[3]), ("Last-Modified", o[5])))

    def list(self, q, head):
        arg = lambda k: q.get(k, [""])[0]
        prefix = arg("prefix")
        after = max(arg("start-after"), arg("continuation-token"))
        limit = min(int(arg("max-keys") or MAX_KEYS), MAX_KEYS)
        enc = arg("encoding-type") == "url"
        name = (lambda k: urllib.parse.quote(k, safe="/")) if enc else escape
        out, last = [], None
        for o in self.objs:
            if not o[0].startswith(prefix) or (after and o[0] <= after):
                continue
            if len(out) == limit:
                last = out[-1][0]
                break
            out.append(o)
        rows = "".join(
            "<Contents><Key>%s</Key><LastModified>%s</LastModified>"
            "<ETag>%s</ETag><Size>%d</Size><StorageClass>STANDARD"
            "</StorageClass></Contents>" % (name(o[0]), o[4],
                                            escape(o[3]), o[2])
            for o in out)
        more = ("<IsTruncated>true</IsTruncated><NextContinuationToken>%s"
                "</NextContinuationToken>" % escape(last)) if last else \
            "<IsTruncated>false</IsTruncated>"
        body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/"
                "2006-03-01/\"><Name>%s</Name><Prefix>%s</Prefix>"
                "<KeyCount>%d</KeyCount><MaxKeys>%d</MaxKeys>%s%s%s"
                "</ListBucketResult>" % (
                    self.name, name(prefix), len(out), limit, more,
                    "<EncodingType>url</EncodingType>" if enc else "", rows))
        return reply(200, body.encode(), head=head)


async def serve(bucket, reader, writer):
    """Answers one connection's requests until it closes."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            method, target, _ = head.split(b"\r\n", 1)[0].decode(
                "latin-1").split(" ", 2)
            if method in ("GET", "HEAD"):
                writer.write(bucket.answer(method, target))
            else:
                writer.write(error(405, "MethodNotAllowed"))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bucket", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--url-file", required=True)
    a = ap.parse_args()
    bucket = Bucket(a.bucket, a.root)
    asyncio.run(run(bucket, a.url_file))


async def run(bucket, url_file):
    srv = await asyncio.start_server(
        lambda r, w: serve(bucket, r, w), "127.0.0.1", 0, backlog=128)
    for sock in srv.sockets:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    port = srv.sockets[0].getsockname()[1]
    with open(url_file + ".tmp", "w") as fh:
        fh.write("http://127.0.0.1:%d\n" % port)
    os.rename(url_file + ".tmp", url_file)
    await srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
