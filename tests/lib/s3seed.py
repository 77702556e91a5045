"""Seeds a local moto_server for ll-fetch tests (boto3).

  s3seed.py URL iam                  make an IAM user with an allow-all
                                     policy; print its key id and secret
                                     (the 3 unauthenticated requests of
                                     a signature-checking moto)
  s3seed.py URL put BUCKET           create BUCKET; upload objects given
                                     on stdin, one JSON per line:
                                     {"key": K, "data": TEXT} or
                                     {"key": K, "file": PATH}, and
                                     "metadata": {NAME: VALUE} for
                                     x-amz-meta-NAME headers
  s3seed.py URL tree BUCKET DIR      upload every file under DIR, keyed
                                     by its path below DIR
  s3seed.py URL many BUCKET PFX N    upload N small objects PFX00000...
  s3seed.py URL mb BUCKET            create BUCKET
  s3seed.py URL ls BUCKET [PFX]      print "KEY SIZE" per object, sorted
  s3seed.py URL uploads BUCKET       print the keys of incomplete
                                     multipart uploads, sorted
  s3seed.py URL mpu BUCKET KEY       begin a multipart upload of KEY and
                                     leave it incomplete, one part sent
  s3seed.py URL head BUCKET KEY      print the object's ETag and its
                                     x-amz-meta-ll-sha256
"""
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config


def client(url, service):
    return boto3.client(
        service, endpoint_url=url, region_name="us-east-1",
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "test"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "test"),
        config=Config(max_pool_connections=16,
                      retries={"max_attempts": 1}))


def iam(url):
    c = client(url, "iam")
    c.create_user(UserName="llfetch")
    c.put_user_policy(UserName="llfetch", PolicyName="all",
                      PolicyDocument=json.dumps({
                          "Version": "2012-10-17",
                          "Statement": [{"Effect": "Allow", "Action": "*",
                                         "Resource": "*"}]}))
    k = c.create_access_key(UserName="llfetch")["AccessKey"]
    print(k["AccessKeyId"], k["SecretAccessKey"])


def upload(url, bucket, items):
    s3 = client(url, "s3")
    try:
        s3.create_bucket(Bucket=bucket)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass

    def put(item):
        key, body = item[0], item[1]
        meta = item[2] if len(item) > 2 else {}
        s3.put_object(Bucket=bucket, Key=key, Body=body, Metadata=meta)

    with ThreadPoolExecutor(8) as ex:
        list(ex.map(put, items))


def main():
    url, cmd = sys.argv[1], sys.argv[2]
    if cmd == "iam":
        iam(url)
    elif cmd == "put":
        items = []
        for line in sys.stdin:
            o = json.loads(line)
            if "file" in o:
                with open(o["file"], "rb") as f:
                    body = f.read()
            else:
                body = o["data"].encode()
            items.append((o["key"], body, o.get("metadata", {})))
        upload(url, sys.argv[3], items)
    elif cmd == "tree":
        top = sys.argv[4]
        items = []
        for d, _, files in os.walk(top):
            for f in files:
                p = os.path.join(d, f)
                with open(p, "rb") as fh:
                    items.append((os.path.relpath(p, top), fh.read()))
        upload(url, sys.argv[3], sorted(items))
    elif cmd == "many":
        pfx, n = sys.argv[4], int(sys.argv[5])
        upload(url, sys.argv[3],
               [("%s%05d" % (pfx, i), b"object %d\n" % i)
                for i in range(n)])
    elif cmd == "mb":
        client(url, "s3").create_bucket(Bucket=sys.argv[3])
    elif cmd == "ls":
        s3 = client(url, "s3")
        pfx = sys.argv[4] if len(sys.argv) > 4 else ""
        keys = []
        for page in s3.get_paginator("list_objects_v2").paginate(
                Bucket=sys.argv[3], Prefix=pfx):
            keys += [(o["Key"], o["Size"]) for o in page.get("Contents", [])]
        for k, n in sorted(keys):
            print(k, n)
    elif cmd == "uploads":
        s3 = client(url, "s3")
        r = s3.list_multipart_uploads(Bucket=sys.argv[3])
        for k in sorted(u["Key"] for u in r.get("Uploads", [])):
            print(k)
    elif cmd == "mpu":
        s3 = client(url, "s3")
        r = s3.create_multipart_upload(Bucket=sys.argv[3], Key=sys.argv[4])
        s3.upload_part(Bucket=sys.argv[3], Key=sys.argv[4], PartNumber=1,
                       UploadId=r["UploadId"], Body=b"x" * (5 << 20))
    elif cmd == "head":
        r = client(url, "s3").head_object(Bucket=sys.argv[3], Key=sys.argv[4])
        print(r["ETag"].strip('"'), r["Metadata"].get("ll-sha256", "-"))
    else:
        sys.exit(__doc__)


main()
