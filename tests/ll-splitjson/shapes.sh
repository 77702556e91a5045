# Concatenated, pretty-printed and one-per-line documents become compact lines.
printf '{"a":1}{"b":[1, 2]}\n{\n  "c" : "x y",\n  "d": {"e": null}\n}\n[true,false]\n"s" 12 ' >in
ll-splitjson in
