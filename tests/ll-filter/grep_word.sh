# --word (-x) keeps a record only where a needle stands as a whole
# word, with no letter, digit, underscore or non-ASCII character on
# either side, in the record as written or with its strings decoded:
# 10.0.3.17 is found without 10.0.3.170 or 110.0.3.17.
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
J
echo "fixed: $(ll-filter -g 10.0.3.17 in | jq -r .k | tr '\n' ' ')"
echo "-x: $(ll-filter -x -g 10.0.3.17 in | jq -r .k | tr '\n' ' ')"
echo "--word: $(ll-filter --word -g 10.0.3.17 in | jq -r .k | tr '\n' ' ')"
echo "-x two: $(ll-filter -x -g 10.0.3.170 -g alice in | jq -r .k | tr '\n' ' ')"
echo "-x -i: $(ll-filter -x -i -g alice in | jq -r .k | tr '\n' ' ')"
echo "-x part: $(ll-filter -x -g 10.0.3 in | jq -r .k | tr '\n' ' ')"
ll-filter -x in
echo "rc=$?"
