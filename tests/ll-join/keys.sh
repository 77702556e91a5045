# Keys compare as JSON values: escapes do not matter, but "42" is not 42
# and 1 is not 1.0.  Nested paths, missing and null keys, and keys of
# two fields.
cat >left <<'END'
{"id":1,"a":{"b":"x"}}
{"id":2,"a":{"b":null}}
{"id":3,"a":{}}
{"id":4,"a":"not an object"}
{"id":5,"a":{"b":"\u0041"}}
{"id":6,"a":{"b":42}}
{"id":7,"a":{"b":1}}
{"id":8,"a":{"b":[1,"x"]}}
END
cat >right <<'END'
{"rk":"x","r":1}
{"rk":"A","r":2}
{"rk":"42","r":3}
{"rk":1.0,"r":4}
{"r":5}
{"rk":null,"r":6}
{"rk":[1,"x"],"r":7}
{"rk":"x","r":8}
END
ll-join -J full -1 .a.b -2 rk -a r=text:r -s , -S stats.json left right
jq -c .reasons stats.json
# Two-field keys; right keys no left record has keep both fields.
cat >left <<'END'
{"day":"2026-03-01","user":"alice","n":1}
{"day":"2026-03-02","user":"alice","n":2}
{"day":"2026-03-01","user":"bob","n":3}
{"day":"2026-03-01","n":4}
END
cat >right <<'END'
{"d":"2026-03-01","u":"alice","v":"a1"}
{"d":"2026-03-02","u":"bob","v":"b2"}
{"d":"2026-03-01","u":"bob","v":"b1"}
{"d":"2026-03-01","u":"alice","v":"a1 again"}
END
ll-join -J full -1 day -2 d -1 user -2 u -a v=text:v -s , left right
