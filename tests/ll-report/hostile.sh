# A transcript is hostile input.  In the HTML page it is a JSON string
# inside a script block of type application/json, with '<', '>' and '&'
# escaped, so it can neither end the block nor open markup: the only
# script elements are the page's own and one block per transcript, and
# no <img> exists.  The Markdown text marks controls and fences the
# transcript beyond its longest run of backticks; CSV cells that a
# spreadsheet would take for a formula get a leading quote.
. "$TOP/tests/ll-report/lib/common.sh"
ll-report -H managers.conf -o out rows.ndjson >/dev/null
echo "rc=$?"
page=out/sec-lead/review.html
echo "script elements: $(grep -o '<script' "$page" | wc -l)"
echo "json blocks: $(grep -o '<script type="application/json"' "$page" | wc -l)"
echo "img elements: $(grep -c '<img' "$page")"
echo "data-pwned outside JSON blocks: $(grep -v '^<script type="application/json"' "$page" | grep -c 'data-pwned')"
grep -o '<script type="application/json" id="t2">.\{80\}' "$page"
grep -o 'U003c\|\\u003c/script\\u003e\|\\u001b\[31m\|\\u202e\|\\u2028' "$page" |
    sort | uniq -c
# The document name and a "source address" are hostile too.
grep -o '<small>&lt;b&gt;doc&lt;/b&gt;</small>' "$page"
grep -o '<td>=1+1</td>' "$page"
grep -c 'Content-Security-Policy" content="default-src '"'"'none'"'" "$page"
echo "== review.md, session 2"
sed -n '/^### 2\./,/^## Sign-off/p' out/sec-lead/review.md
echo "== review.csv"
csv_rows out/sec-lead/review.csv | cut -d, -f8,10
