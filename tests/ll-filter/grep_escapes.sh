# --grep decodes a string's escapes once, and twice only for JSON held
# in a string: a tab or newline needle finds a tab or newline in a
# value, never the two characters \t or \n typed as text, nor text
# that merely starts with a bracket, nor white space between tokens.
# An empty needle is a usage error.
cat >in <<'J'
{"k":1,"m":"a\\tb typed"}
{"k":2,"m":"a\tb tab"}
{"k":3,"message":"{\"cmd\":\"x\\ty\"}"}
{"k":4,"message":"{\"cmd\":\"x\\\\ty\"}"}
{"k":5,"m":"[a\\tb] not JSON"}
{"k":6,"m":"line1\\nline2 typed"}
{"k":7,"m":"line1\nline2"}
{"k":8,	"m":"tab between tokens"}
{"k":9,"message":"[\"a\\nb\"]"}
J
tab=$(printf '\t')
nl='
'
echo "tab: $(ll-filter -g "$tab" in | jq -r .k | tr '\n' ' ')"
echo "newline: $(ll-filter -g "$nl" in | jq -r .k | tr '\n' ' ')"
echo "a<tab>b: $(ll-filter -g "a${tab}b" in | jq -r .k | tr '\n' ' ')"
echo "backslash-t: $(ll-filter -g 'a\tb' in | jq -r .k | tr '\n' ' ')"
echo "x<tab>y: $(ll-filter -g "x${tab}y" in | jq -r .k | tr '\n' ' ')"
echo "x-backslash-ty: $(ll-filter -g 'x\ty' in | jq -r .k | tr '\n' ' ')"
ll-filter -g '' in
echo "rc=$?"
ll-filter -g x -g '' in
echo "rc=$?"
