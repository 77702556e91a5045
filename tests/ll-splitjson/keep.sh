# --keep fields are copied into each element, even when they come after the
# array; the document's value replaces an element's own (reported), and
# is not duplicated; non-objects pass through.
printf '{"logEvents":[{"id":"1"},{},{"owner":"mine"},"str"],"owner":"o","logGroup":"g"}' |
    ll-splitjson -e logEvents -k owner,logGroup
printf '{"owner":"o","x":{"logEvents":[1]},"logEvents":[{"id":"2"}]}' |
    ll-splitjson -e logEvents -k owner,missing
