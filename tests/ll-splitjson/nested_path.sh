# Paths may be nested and quoted; the same key at another depth is ignored.
printf '{"Records":[{"Records":[9]}],"detail":{"a.b":[{"x":1},{"x":2}]}}' |
    ll-splitjson -e '.detail."a.b"'
printf '{"Records":[{"Records":[9]}]}' | ll-splitjson -e Records
