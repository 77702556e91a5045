"""Seeds a local moto_server for ll-fetch tests (boto3).

  s3seed.py URL iam                  make an IAM user with an allow-all
                                     policy; print its key id and secret
                                     (the 3 unauthenticated requests of
                                     a signature-checking moto)
  s3seed.py URL put BUCKET           create BUCKET; upload objects given
                                     on stdin, one JSON per line:
                                     {"key": K, "data": TEXT} or
                                     {"key": K, "file": PATH}
  s3seed.py URL tree BUCKET DIR      upload every file under DIR, keyed
                                     by its path below DIR
  s3seed.py URL many BUCKET PFX N    upload N small objects PFX00000...
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
        key, body = item
        s3.put_object(Bucket=bucket, Key=key, Body=body)

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
                    items.append((o["key"], f.read()))
            else:
                items.append((o["key"], o["data"].encode()))
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
    else:
        sys.exit(__doc__)


main()
