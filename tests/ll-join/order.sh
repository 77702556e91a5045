# --order sorts as jq does: missing and null, false, true, numbers
# (numerically), strings (bytewise), arrays/objects; equal values and
# records without --order keep input order.
cat >left <<'END'
{"k":1}
END
cat >right <<'END'
{"k":1,"id":"a","v":"10"}
{"k":1,"id":"b","v":9}
{"k":1,"id":"c","v":[1]}
{"k":1,"id":"d","v":-2.5}
{"k":1,"id":"e"}
{"k":1,"id":"f","v":true}
{"k":1,"id":"g","v":null}
{"k":1,"id":"h","v":"9"}
{"k":1,"id":"i","v":false}
{"k":1,"id":"j","v":9}
{"k":1,"id":"k","v":{"a":1}}
{"k":1,"id":"l","v":1e300}
{"k":1,"id":"m","v":"1\u0000"}
{"k":1,"id":"n","v":"1"}
{"k":1,"id":"0","v":9}
END
ll-join -k k -o v -a ids=text:id -s , left right
ll-join -k k -a ids=text:id -s , left right
# Two order fields: the second breaks ties of the first ("0" before "b").
ll-join -k k -o v -o id -a ids=text:id -s '' left right
