#!/usr/bin/env python3
"""ctdigest.py: synthetic CloudTrail log files and digests, signed as
CloudTrail signs them, in an ll-fetch store with its manifest.

  ctdigest.py keys OUT.json NAME[:FROM][@UNTIL] ...
      the JSON of "aws cloudtrail list-public-keys" for the keys
      NAME.der (DER PKCS#1 RSAPublicKey, from openssl rsa
      -RSAPublicKey_out -outform DER); FROM/UNTIL are ISO times.

  ctdigest.py trail --store DIR --manifest FILE --account ID --region R
      --start TIME --hours N --key NAME [--key NAME2 --rotate H] ...
      writes N hourly digests (one chain) and the log files they list
      under DIR/BUCKET/[PREFIX/]AWSLogs/[ORG/]ACCOUNT/, read-only as
      ll-fetch stores them, and appends one manifest record per object
      (the digests' with "signature" and "signature_algorithm", which
      ll-fetch takes from x-amz-meta-signature*).  Options:
        --bucket B --prefix P --org o-ID --trail T --home REGION
        --files K          log files per hour (default 2)
        --tail MINUTES     log files after the last digest, in none
        --backfill H       a late log file of hour H and a backfill
                           digest that lists it
        --no-sign-newest   the newest digest's record has no signature
        --restart H        the chain restarts at hour H (previous null)
                           after a gap of one hour

  ctdigest.py digests --store DIR --manifest FILE --bucket B --key NAME
      signs hourly digests over the log files already under DIR/B (one
      chain per account and region, from the hour of the oldest file
      to that of the newest, or with --until TIME on to that time, as
      CloudTrail goes on delivering digests of hours without log files),
      and writes the manifest of every object; for the benchmark workload
      and the examples' world.

The string to sign is digestEndTime, digestS3Bucket/digestS3Object, the
hex SHA-256 of the uncompressed digest and previousDigestSignature
("null" for the first), joined by newlines; signed with RSA PKCS#1 v1.5
and SHA-256 (openssl dgst -sha256 -sign).  Everything but the signatures
(the key is made by the test) is deterministic.
"""
import argparse
import base64
import datetime
import gzip
import hashlib
import json
import os
import subprocess
import sys


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


def stamp(t, sec=True):
    fmt = "%Y%m%dT%H%M%SZ" if sec else "%Y%m%dT%H%MZ"
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime(fmt)


def day_path(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime(
        "%Y/%m/%d")


def parse_time(s):
    return int(datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=datetime.timezone.utc).timestamp())


def gz(data):
    return gzip.compress(data, mtime=0)


def sign(keyname, text):
    out = subprocess.run(["openssl", "dgst", "-sha256", "-sign",
                          keyname + ".pem"], input=text.encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    return out.hex()


class Store:
    def __init__(self, root, manifest):
        self.root = root
        self.manifest = open(manifest, "a")

    def put(self, bucket, key, data, extra=None):
        path = os.path.join(self.root, bucket, key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        os.chmod(path, 0o444)
        rec = {"url": "s3://%s/%s" % (bucket, key),
               "path": "%s/%s/%s" % (self.root, bucket, key),
               "bytes": len(data), "etag": hashlib.md5(data).hexdigest(),
               "sha256": hashlib.sha256(data).hexdigest(),
               "status": "stored", "error": None}
        rec.update(extra or {})
        self.manifest.write(json.dumps(rec, separators=(",", ":")) + "\n")


def log_file(a, store, base, t, n):
    tag = hashlib.sha256(("%s/%s/%d/%d" % (a.account, a.region, t, n))
                         .encode()).hexdigest()
    uniq = "".join(c for c in base64.b32encode(bytes.fromhex(tag)).decode()
                   if c.isalnum())[:16]
    name = "%s_CloudTrail_%s_%s_%s.json.gz" % (a.account, a.region,
                                               stamp(t, False), uniq)
    key = "%s/CloudTrail/%s/%s/%s" % (base, a.region, day_path(t), name)
    rec = {"eventVersion": "1.08", "eventTime": iso(t - 120),
           "eventSource": "ec2.amazonaws.com",
           "eventName": "DescribeInstances", "awsRegion": a.region,
           "eventID": tag[:8] + "-" + tag[8:12] + "-" + tag[12:16] + "-" +
           tag[16:20] + "-" + tag[20:32],
           "recipientAccountId": a.account}
    raw = json.dumps({"Records": [rec]}, separators=(",", ":")).encode() + b"\n"
    store.put(a.bucket, key, gz(raw))
    return {"s3Bucket": a.bucket, "s3Object": key,
            "hashValue": hashlib.sha256(raw).hexdigest(),
            "hashAlgorithm": "SHA-256", "newestEventTime": iso(t - 120),
            "oldestEventTime": iso(t - 120)}


def fingerprint(keyname):
    with open(keyname + ".der", "rb") as f:
        return hashlib.md5(f.read()).hexdigest()


def digest(a, store, base, start, end, logs, prev, keyname, backfill=False,
           sign_it=True):
    name = "%s_CloudTrail-Digest_%s_%s_%s_%s%s.json.gz" % (
        a.account, a.region, a.trail, a.home, stamp(end),
        "_backfill" if backfill else "")
    key = "%s/CloudTrail-Digest/%s/%s/%s" % (base, a.region, day_path(end), name)
    doc = {"awsAccountId": a.account, "digestStartTime": iso(start),
           "digestEndTime": iso(end), "digestS3Bucket": a.bucket,
           "digestS3Object": key,
           "digestPublicKeyFingerprint": fingerprint(keyname),
           "digestSignatureAlgorithm": "SHA256withRSA"}
    if logs:
        doc["newestEventTime"] = max(l["newestEventTime"] for l in logs)
        doc["oldestEventTime"] = min(l["oldestEventTime"] for l in logs)
    doc["previousDigestS3Bucket"] = a.bucket if prev else None
    doc["previousDigestS3Object"] = prev["key"] if prev else None
    doc["previousDigestHashValue"] = prev["sha"] if prev else None
    doc["previousDigestHashAlgorithm"] = "SHA-256" if prev else None
    doc["previousDigestSignature"] = prev["sig"] if prev else None
    doc["logFiles"] = logs
    raw = json.dumps(doc, separators=(",", ":")).encode()
    sha = hashlib.sha256(raw).hexdigest()
    tosign = "%s\n%s/%s\n%s\n%s" % (doc["digestEndTime"], a.bucket, key, sha,
                                     prev["sig"] if prev else "null")
    sig = sign(keyname, tosign)
    extra = {"signature": sig, "signature_algorithm": "SHA256withRSA"} \
        if sign_it else {"signature": None, "signature_algorithm": None}
    store.put(a.bucket, key, gz(raw), extra)
    return {"key": key, "sha": sha, "sig": sig}


def trail(a):
    store = Store(a.store, a.manifest)
    base = "AWSLogs/" + (a.org + "/" if a.org else "") + a.account
    if a.prefix:
        base = a.prefix + "/" + base
    t0 = parse_time(a.start)
    prev = None
    late = None
    for h in range(a.hours):
        start, end = t0 + h * 3600, t0 + (h + 1) * 3600
        if a.restart is not None and h >= a.restart:
            start, end = start + 3600, end + 3600
        logs = [log_file(a, store, base, start + (j + 1) * 3600 //
                         (a.files + 1), j) for j in range(a.files)]
        if a.backfill == h:
            late = log_file(a, store, base, end - 300, 99)
        keyname = a.key[1] if len(a.key) > 1 and h >= a.rotate else a.key[0]
        if a.restart == h:
            prev = None
        prev = digest(a, store, base, start, end, logs, prev, keyname,
                      sign_it=not (a.no_sign_newest and h == a.hours - 1))
        if late is not None and a.backfill == h - 1:
            digest(a, store, base, start - 3600, end - 3600 + 1800, [late],
                   None, keyname, backfill=True)
    end = t0 + a.hours * 3600 + (3600 if a.restart is not None else 0)
    for m in range(10, a.tail + 1, 10):
        log_file(a, store, base, end + m * 60, 0)
    store.manifest.close()


def digests(a):
    """Hourly digests over the log files already in the store."""
    store = Store(a.store, a.manifest)
    root = os.path.join(a.store, a.bucket)
    groups = {}
    for d, _, files in os.walk(root):
        for f in files:
            key = os.path.relpath(os.path.join(d, f), root)
            parts = key.split("/")
            if len(parts) < 7 or parts[-6] != "CloudTrail":
                continue
            stampstr = f.split("_")[3]
            t = int(datetime.datetime.strptime(stampstr, "%Y%m%dT%H%MZ")
                    .replace(tzinfo=datetime.timezone.utc).timestamp())
            base = "/".join(parts[:-6])
            groups.setdefault((base, parts[-5]), []).append((t, key))
    for (base, region), logs in sorted(groups.items()):
        logs.sort()
        account = base.split("/")[-1]
        args = argparse.Namespace(account=account, region=region,
                                  bucket=a.bucket, trail="bench",
                                  home=region)
        prev = None
        t = logs[0][0] - logs[0][0] % 3600
        i = 0
        while i < len(logs):
            listed = []
            while i < len(logs) and logs[i][0] < t + 3600:
                key = logs[i][1]
                with open(os.path.join(root, key), "rb") as f:
                    data = f.read()
                raw = gzip.decompress(data)
                store.manifest.write(json.dumps({
                    "url": "s3://%s/%s" % (a.bucket, key),
                    "path": "%s/%s/%s" % (a.store, a.bucket, key),
                    "bytes": len(data), "etag": None,
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "status": "stored", "error": None},
                    separators=(",", ":")) + "\n")
                listed.append({"s3Bucket": a.bucket, "s3Object": key,
                               "hashValue": hashlib.sha256(raw).hexdigest(),
                               "hashAlgorithm": "SHA-256",
                               "newestEventTime": iso(logs[i][0]),
                               "oldestEventTime": iso(logs[i][0])})
                i += 1
            prev = digest(args, store, base, t, t + 3600, listed, prev,
                          a.key[0])
            t += 3600
        while a.until is not None and t + 3600 <= a.until:
            prev = digest(args, store, base, t, t + 3600, [], prev,
                          a.key[0])
            t += 3600
    store.manifest.close()


def keys(out, specs):
    lst = []
    for s in specs:
        name, _, rest = s.partition(":")
        frm, _, until = rest.partition("@")
        with open(name + ".der", "rb") as f:
            der = f.read()
        k = {"Value": base64.b64encode(der).decode(),
             "Fingerprint": hashlib.md5(der).hexdigest()}
        if frm:
            k["ValidityStartTime"] = frm
        if until:
            k["ValidityEndTime"] = until
        lst.append(k)
    with open(out, "w") as f:
        json.dump({"PublicKeyList": lst}, f, indent=4)
        f.write("\n")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "keys":
        keys(sys.argv[2], sys.argv[3:])
        return
    p = argparse.ArgumentParser()
    p.add_argument("cmd", choices=["trail", "digests"])
    p.add_argument("--store", required=True)
    p.add_argument("--manifest", required=True)
    p.add_argument("--until", type=lambda v: int(datetime.datetime.strptime(
        v, "%Y-%m-%dT%H:%MZ").replace(tzinfo=datetime.timezone.utc)
        .timestamp()))
    p.add_argument("--bucket", default="trail-bucket")
    p.add_argument("--prefix", default="")
    p.add_argument("--org", default="")
    p.add_argument("--account")
    p.add_argument("--region")
    p.add_argument("--trail", default="main-trail")
    p.add_argument("--home", default="us-east-1")
    p.add_argument("--start")
    p.add_argument("--hours", type=int)
    p.add_argument("--files", type=int, default=2)
    p.add_argument("--tail", type=int, default=0)
    p.add_argument("--key", action="append", required=True)
    p.add_argument("--rotate", type=int, default=1 << 30)
    p.add_argument("--backfill", type=int)
    p.add_argument("--restart", type=int)
    p.add_argument("--no-sign-newest", action="store_true")
    a = p.parse_args()
    if a.cmd == "digests":
        digests(a)
    elif a.account is None or a.region is None or a.start is None or \
            a.hours is None:
        p.error("trail needs --account, --region, --start and --hours")
    else:
        trail(a)


if __name__ == "__main__":
    main()
