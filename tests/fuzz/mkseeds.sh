#!/bin/sh
# Writes the seed corpora tests/fuzz/corpus/<target>/ from the project's
# own fixtures and test inputs (never from ../shared/corpus, whose
# licences do not allow redistribution).  Run from anywhere; review and
# commit the result.  fuzz_split seeds end with the option byte that
# fuzz_split.c documents.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
fx=$top/tests/fixtures/bucket
ct=$fx/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01
dg=$fx/AWSLogs/o-exampleorg/111122223333/CloudTrail-Digest/us-east-1/2026/03/01
fh=$(ls "$fx"/2026/03/01/10/*)
c=$top/tests/fuzz/corpus
rm -rf "$c"
mkdir -p "$c/input" "$c/split" "$c/path"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# input: real objects, damaged gzip, other formats, plain text.
cp "$ct"/*T1005Z*.json.gz "$c/input/cloudtrail.gz"
cp "$dg"/*.json.gz "$c/input/digest.gz"
cp "$fh" "$c/input/firehose.gz"
printf 'one\n' | gzip -n >"$c/input/garbage_member"
printf 'not gzip' >>"$c/input/garbage_member"
printf 'two\n' | gzip -n >>"$c/input/garbage_member"
printf 'complete\n' | gzip -n >"$c/input/truncated"
seq 1 2000 | gzip -n | head -c 300 >>"$c/input/truncated"
printf 'first\n' | gzip -n >"$c/input/corrupt_middle"
printf 'second line that is damaged' | gzip -n |
    python3 -c 'import sys; b=bytearray(sys.stdin.buffer.read()); b[12]^=0xff; sys.stdout.buffer.write(b)' \
    >>"$c/input/corrupt_middle"
printf 'third\n' | gzip -n >>"$c/input/corrupt_middle"
head -c 3000000 /dev/zero | gzip -n -9 >"$c/input/bomb"
printf 'bz\n' | bzip2 >"$c/input/bzip2"
printf 'xz\n' | xz >"$c/input/xz"
printf 'zst\n' | zstd -q >"$c/input/zstd"
(cd "$tmp" && printf 'in zip\n' >z.txt && zip -q -X z.zip z.txt &&
    printf 'in tar' >t1 && printf 'x\n' >t2 &&
    tar --format=ustar -cf t.tar t1 t2)
cp "$tmp/z.zip" "$c/input/zip"
cp "$tmp/t.tar" "$c/input/tar"
printf '{"a":1}\n{"b":2}' >"$c/input/plain"

# split: decoded real objects and the shapes the tests use, each with
# its option byte.
seed() {	# name option-byte; data on standard input
	cat >"$tmp/s"
	printf "\\$(printf %03o "$2")" >>"$tmp/s"
	mv "$tmp/s" "$c/split/$1"
}
gzip -dc "$ct"/*T1005Z*.json.gz | seed cloudtrail 9		# Records, source
gzip -dc "$ct"/*T1005Z*.json.gz | seed cloudtrail_pipe 137	# and a pipe
gzip -dc "$dg"/*.json.gz | seed digest 1
seed firehose_gz 22 <"$fh"					# logEvents keep parse
gzip -dc "$fh" | seed firehose 22
gzip -dc "$fh" | seed firehose_big 86				# and 64-byte limit
printf '{"a":1}{"b":tru}{"c":2}\n{bad\n{"d":4}x{"e":5}\n{"f":"\\q"}\n{"g":7}' |
    seed mixed 0
printf '{"a":1}{"b":[1, 2]}\n{\n  "c" : "x y",\n  "d": {"e": null}\n}\n[true,false]\n"s" 12 ' |
    seed shapes 0
printf '{"a":"\377"}\n{"b":"\\ud800"}\n{"c":"tab\there"}\n{"d":"\\udc00x"}\n{"ok":1}\n' |
    seed utf8 0
printf '{"s":"\\u00e9\\ud83d\\ude00 \\"q\\" \\\\ \\/","u":"\303\251t\303\251","n":123456789012345678901234567890,"f":-0.5e-10}\n' |
    seed bytes_exact 16
printf '{"logEvents":[{"id":"1"},{},{"owner":"mine"},"str"],"owner":"o","logGroup":"g"}' |
    seed keep 6
printf '{"a":{"b":[{"x":1},{"x":2}]},"owner":1,"a":{"b":"no"}}' | seed nested 7
printf '{"a":{"message":"{\\"k\\":[1,2]}"}}\n{"a":{"message":"plain"}}\n{"a":{"message":["x"]}}' |
    seed parse 16
printf '{"a":1} {"b":2}' | seed single 32
python3 -c 'print("[" * 3000 + "]" * 3000)' | seed deep 0
printf '{"Records":[{"a":1},{"big":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},{"b":2}]}' |
    seed too_large 65

# path: the forms path.h documents.
i=0
for p in Records logEvents .a.b '."a.b"' '.["a.b"]' '.x["y.z"].w' \
    '.detail."q\"uote"' '.userIdentity.sessionContext.sessionIssuer.arn'; do
	i=$((i + 1))
	printf '%s' "$p" >"$c/path/p$i"
done
