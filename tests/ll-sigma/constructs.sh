# Every construct ll-sigma supports has a rule file of its own in
# fixtures/sigma/own with records that must match ("pos-...") and
# records that must not ("neg-...").  Each rule runs alone over its
# records; a line per rule gives the counts, and any record that went
# the wrong way is named, and so is the tag added to the records.
for r in "$FIXTURES"/sigma/own/*.yml; do
	recs=${r%.yml}.ndjson
	ll-sigma -y "$r" "$recs" >out
	rc=$?
	jq -r ._case out | sort >got
	jq -r 'select(._case | startswith("pos")) | ._case' "$recs" |
	    sort >want
	printf '%s: rc=%d, %d of %d records matched, %d expected' \
	    "$(basename "$r" .yml)" $rc "$(wc -l <got)" "$(wc -l <"$recs")" \
	    "$(wc -l <want)"
	comm -3 got want | sed 's/^[[:space:]]*/; WRONG: /' | tr -d '\n'
	echo
	jq -c '.sigma' out | sort -u
done
