# --word (-x) keeps a record only where a needle stands as a whole
# word (the rule ll-timeline -x shares, io/acmatch.c): no letter, digit,
# underscore or non-ASCII character on either side, nor a "." or "-"
# joining it to one, in the record as written or with its strings
# decoded: 10.0.3.17 is found without 10.0.3.170, 110.0.3.17 or
# 10.0.3.17.5, and the prefix 10.0.3 is no word of 10.0.3.17.
cat >in <<'J'
{"k":1,"ip":"10.0.3.17"}
{"k":2,"ip":"10.0.3.170"}
{"k":3,"ip":"110.0.3.17"}
{"k":4,"msg":"from 10.0.3.17:443 ok"}
{"k":5,"msg":"a\n10.0.3.17"}
{"k":6,"msg":"x_10.0.3.17"}
{"k":7,"msg":"caf\u00e910.0.3.17"}
{"k":8,"message":"{\"src\":\"10.0.3.17\"}"}
{"k":9,"10.0.3.17":true,"user":"Alice"}
{"k":10,"msg":"10.0.3.17.5 and web-10.0.3.17 and 10.0.3.17-b"}
{"k":11,"msg":"ends 10.0.3.17. (10.0.3.17)"}
J
echo "fixed: $(ll-filter -g 10.0.3.17 in | jq -r .k | tr '\n' ' ')"
echo "-x: $(ll-filter -x -g 10.0.3.17 in | jq -r .k | tr '\n' ' ')"
echo "--word: $(ll-filter --word -g 10.0.3.17 in | jq -r .k | tr '\n' ' ')"
echo "-x two: $(ll-filter -x -g 10.0.3.170 -g alice in | jq -r .k | tr '\n' ' ')"
echo "-x -i: $(ll-filter -x -i -g alice in | jq -r .k | tr '\n' ' ')"
echo "-x part: $(ll-filter -x -g 10.0.3 in | jq -r .k | tr '\n' ' ')"
ll-filter -x in
echo "rc=$?"
