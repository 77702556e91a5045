# The pages in a real browser (headless Chromium): the DOM after the
# page's script ran holds every session, the hostile transcript opened
# (#s2) is text (its <script> and <img> never became elements, none
# ran: the body has no data-pwned mark), controls show as marks, and
# search (#q=) hides what does not match.  Screenshots for people are
# left in build/artefacts/ll-report/.
. "$TOP/tests/ll-report/lib/common.sh"
need_chromium
ll-report -H managers.conf -Z Europe/Berlin -o out rows.ndjson >/dev/null
echo "rc=$?"
url=file://$PWD/out
for m in ops-lead sec-lead audit nobody-here unassigned; do
	browser "$url/$m/review.html" >dom.html
	echo "$m: rc=$? ready=$(grep -c '<body data-ready="[0-9]*">' dom.html)" \
	    "rows=$(grep -o '<tr class="s"' dom.html | wc -l)" \
	    "csv=$(csv_rows "out/$m/review.csv" | wc -l)" \
	    "shown=$(grep -o '<span id="shown">[^<]*' dom.html | sed 's/.*>//')"
done
browser "$url/sec-lead/review.html#s2" >dom.html
echo "body: $(grep -o '<body[^>]*>' dom.html | sed 's/[0-9][0-9]*/N/')"
echo "img elements: $(grep -c '<img' dom.html)"
echo "script elements: $(grep -o '<script' dom.html | wc -l)"
echo "open transcripts: $(grep -c '<tr class="tx">' dom.html)"
sed -n '/<pre class="t">/,/<\/pre>/p' dom.html | sed 's/.*<pre class="t">//'
browser "$url/ops-lead/review.html#q=restart" >dom.html
echo "q=restart: $(grep -o '<tr class="s"[^>]*>' dom.html | grep -vc hidden)" \
    "visible, $(grep -o '<span id="shown">[^<]*' dom.html | sed 's/.*>//')"
browser "$url/ops-lead/review.html#q=ALICE" >dom.html
echo "q=ALICE: $(grep -o '<tr class="s"[^>]*>' dom.html | grep -vc hidden) visible"
# A page of more sessions than one screen of rows: 100 rows a page.
python3 -c '
import json
for i in range(250):
    print(json.dumps({"eventtime": "2026-03-01T%02d:%02d:00Z" % (i // 60, i % 60),
        "eventid": "e%d" % i, "useridentity_arn": "arn:aws:iam::1:user/u%d" % (i % 7),
        "transcript": "$ echo %d" % i, "transcript_lines": 1}))' >many.ndjson
ll-report -o many many.ndjson >/dev/null
browser "file://$PWD/many/unassigned/review.html" >dom.html
echo "250 sessions: $(grep -o '<tr class="s"[^>]*>' dom.html | grep -vc hidden)" \
    "visible, $(grep -o '<span id="shown">[^<]*' dom.html | sed 's/.*>//')"
browser "file://$PWD/many/unassigned/review.html#all" >dom.html
echo "#all: $(grep -o '<tr class="s"[^>]*>' dom.html | grep -vc hidden) visible"
browser "file://$PWD/many/unassigned/review.html#s217" >dom.html
echo "#s217: $(grep -o '<span id="shown">[^<]*' dom.html | sed 's/.*>//')," \
    "$(grep -o '<pre class="t">[^<]*' dom.html | sed 's/.*>//')"
art=$TOP/build/artefacts/ll-report
mkdir -p "$art"
screenshot "$url/ops-lead/review.html" "$art/ops-lead.png" 1280,1500 &&
    echo "screenshot ops-lead: $(test -s "$art/ops-lead.png" && echo ok)"
screenshot "$url/sec-lead/review.html#s2" "$art/sec-lead-hostile.png" \
    1280,2200 &&
    echo "screenshot sec-lead: $(test -s "$art/sec-lead-hostile.png" && echo ok)"
