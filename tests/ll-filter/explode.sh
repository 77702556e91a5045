# -e splits JSON documents in ll-filter itself: the records, messages,
# rejects and counts are those of "ll-splitjson -e PATH | ll-filter",
# whether the controls decide a record from its fields as written (the
# shortcut) or need the full check (an escaped key or value, a repeated
# key, a number, a nested account, an oversized or non-object record),
# and -j N writes the same, in input order, whatever the threads do;
# with -I too (ll_match).
cat >a.json <<'J'
{"Records":[{"eventName":"StartSession","recipientAccountId":"111122223333","id":1},
{"eventName":"GetObject","recipientAccountId":"111122223333","id":2},
{"eventName":"StartSession","recipientAccountId":"999999999999","id":3},
{"eventName":"Start\u0053ession","recipientAccountId":"111122223333","id":4},
{"event\u004eame":"GetObject","recipientAccountId":"111122223333","id":5},
{"eventName":"StartSession","eventName":"GetObject","recipientAccountId":"111122223333","id":6},
{"eventName":"GetObject","eventName":"StartSession","recipientAccountId":"111122223333","id":7},
{"eventName":"StartSession","userIdentity":{"accountId":"111122223333"},"id":8},
{"eventName":"StartSession","userIdentity":{"accountId":"999999999999"},"id":9},
{"eventName":"StartSession","recipientAccountId":111122223333,"id":10},
{"eventName":"StartSession","recipientAccountId":"111122223333","id":11,"big":1e400},
{"eventName":"AssumeRole","recipientAccountId":"222233334444","eventTime":"2026-03-01T10:00:00Z","id":12},
"str",
{"eventName":"GetObject","recipientAccountId":"111122223333","x":"a\u0000b","id":31},
{"eventName":"GetObject","recipientAccountId":"111122223333","x":123456789012345678901234567890,"id":32},
{"eventName":"GetObject","recipientAccountId":"111122223333","x":-0.0e-400,"id":33},
{"eventName":"GetObject","recipientAccountId":"111122223333","x":{"a\u0000":1},"id":34},
{"eventName":"GetObject","recipientAccountId":"111122223333","x":1.5,"id":36},
{"eventName":"GetObject","recipientAccountId":"111122223333","x":"\ud83d\ude00","id":37},
{"eventName":"GetObject","recipientAccountId":"111122223333","x":0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001,"id":38},
{"eventName":"GetObject","recipientAccountId":"111122223333","x":1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,"id":39},
{"eventName":"StartSession","recipientAccountId":"111122223333","source_object":"forged","id":13},
{"eventName":"AssumeRole","recipientAccountId":"222233334444","id":14,"pad":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
]}
J
printf '%s\n' '{"Records":[{"eventName":"AssumeRole","recipientAccountId":"111122223333","id":20},{"id":tru}]}' \
    '{"Records":[{"eventName":"AssumeRole","recipientAccountId":"111122223333","id":21}]}' \
    '{"NotRecords":[]}' >b.json
jq '.Records |= map(select(type == "object") | .id += 100)' a.json | gzip >c.json.gz
for i in 1 2 3 4 5 6; do cp a.json "d$i.json"; done
printf '%s\n' 'allow eventname StartSession AssumeRole' \
    'allow account 111122223333 222233334444' >ctl.conf
files="a.json b.json c.json.gz d1.json d2.json d3.json d4.json d5.json d6.json"
what() {	# messages without where they were found
	sed -E 's/^ll-[a-z]+: [^:]+:[0-9]+: (byte [0-9]+: )?//' "$1" | sort
}
# run NAME ARGS...: the pipeline, then -e, -e -j 2 and -e -j 4, compared.
run() {
	name=$1
	shift
	# shellcheck disable=SC2086
	ll-splitjson -e Records -s source_object -M 700 $files 2>p.err \
	    -r p.rej -S ps.json |
	    ll-filter -M 700 -r p.rej2 -S p.json "$@" >p.out 2>>p.err
	echo "$name: pipeline rc=$?"
	for j in 1 2 4; do
		# shellcheck disable=SC2086
		ll-filter -e Records -s source_object -M 700 -j $j \
		    -r e$j.rej -S e$j.json "$@" $files >e$j.out 2>e$j.err
		echo "  -j $j rc=$?"
	done
	cmp -s p.out e1.out || echo "  output differs from the pipeline"
	# The pipeline's ll-filter names <stdin> and its line; -e the file.
	what p.err >p.errs
	what e1.err | cmp -s - p.errs || echo "  messages differ from the pipeline"
	cat p.rej p.rej2 | sort | cmp -s - "$(sort e1.rej >e1.rejs; echo e1.rejs)" ||
	    echo "  rejects differ from the pipeline"
	jq -Ssc '{records_out: .[1].records_out, removed: .[1].removed,
	    rejected: (.[0].rejected + .[1].rejected)}' ps.json p.json >p.sum
	jq -Sc '{records_out, rejected, removed}' e1.json | cmp -s - p.sum ||
	    echo "  counts differ from the pipeline"
	for j in 2 4; do
		cmp -s e1.out e$j.out || echo "  -j $j: output differs"
		cmp -s e1.err e$j.err || echo "  -j $j: messages differ"
		cmp -s e1.rej e$j.rej || echo "  -j $j: rejects differ"
		jq -S 'del(.reasons)' e$j.json >e$j.s
		jq -S 'del(.reasons)' e1.json | cmp -s - e$j.s ||
		    echo "  -j $j: counts differ"
	done
	jq -c .id e1.out | tr '\n' ' '
	echo
	jq -c '{records_in, documents_in, rejected, reasons, removed}' e1.json
}
run controls -c ctl.conf
run grep -c ctl.conf -g 222233334444
run where -w '.eventName = StartSession'
# -I names what each record holds (ll_match), in each thread's records.
printf '%s\n' 222233334444 AssumeRole >ind.txt
run indicators -c ctl.conf -I ind.txt
jq -c .ll_match e1.out | sort | uniq -c
cat e1.err
# -j on NDJSON files: the same as one file after another.
ll-splitjson -e Records $files 2>/dev/null >n1
head -c 3000 n1 >n2
ll-filter -c ctl.conf -r n.rej n1 n2 n1 n2 >n.out 2>n.err
echo "ndjson rc=$?"
ll-filter -c ctl.conf -r nj.rej -j 3 n1 n2 n1 n2 >nj.out 2>nj.err
echo "ndjson -j 3 rc=$?"
cmp n.out nj.out && cmp n.err nj.err && cmp n.rej nj.rej && wc -l <nj.out
# -k: the log group the controls read is the document's, as with
# ll-splitjson -k (the element's own is replaced).
printf '%s\n' '{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/denied",' \
    '"logEvents":[{"id":"1","logGroup":"/allowed"},{"id":"2"}]}' \
    '{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/allowed",' \
    '"logEvents":[{"id":"3"}]}' >fh.json
echo 'allow loggroup /allowed' >lg.conf
ll-filter -e logEvents -k owner,logGroup -c lg.conf -j 2 fh.json fh.json
echo "rc=$?"
# Usage: -s and -k need -e; -j takes 1 to 64.
ll-filter -s source_object a.json; echo "rc=$?"
ll-filter -k owner a.json; echo "rc=$?"
ll-filter -j 0 a.json; echo "rc=$?"
ll-filter -e Records -k owner,owner a.json; echo "rc=$?"
# A Parquet file of the lake holds rows, not documents: -e refuses it
# with one message, as ll-splitjson does, and goes on with the others.
echo '{"eventtime":"2026-03-01T10:00:00Z","eventname":"A","eventid":"e1","calendarday":"2026-03-01"}' >ct
ll-partition -T cloudtrail -o lake ct >/dev/null
cp lake/cloudtrail/calendarday=2026-03-01/*.parquet p.parquet
ll-filter -e Records -S pq.json -j 2 p.parquet b.json >pq.out
echo "rc=$?"
jq -c .id pq.out
jq -c '{records_out, reasons}' pq.json
