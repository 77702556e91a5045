# Lineage is the splitter's: -s overwrites a source field the record
# already carries (forged, or escaped to look like another key), and a
# -k field takes the document's value over the element's own; each
# replaced value that differed is reported and counted.  A document
# without the -k field leaves the element's own.  The same holds for
# elements parked until the -k fields came, for pretty-printed input,
# and for whole documents with -s.
printf '%s\n' '{"Records":[{"eventName":"A","source_object":"forged"},' \
    '{"source\u005fobject":"forged2","eventName":"B"},' \
    '{"eventName":"C"}]}' >ct.json
ll-splitjson -e Records -s source_object -S st.json ct.json
echo "rc=$?"
jq -c .reasons st.json
printf '%s\n' '{"logEvents":[{"id":"1","logGroup":"/allowed"},' \
    '{"id":"2","logGroup":"/denied","owner":"111122223333"},' \
    '{"logGroup":"/x","id":"3"}],' \
    '"owner":"111122223333","logGroup":"/denied"}' >fh.json
ll-splitjson -e logEvents -k owner,logGroup,logStream fh.json
echo "rc=$?"
printf '{"a":{"source_object":"x","k":[1, 2]}, "source_object" : "f" }\n{"source_object":"f.json"}' |
    ll-splitjson -s source_object
echo "rc=$?"
# --keep and --source name distinct fields, once each.
ll-splitjson -e logEvents -k owner,owner fh.json
echo "rc=$?"
ll-splitjson -e logEvents -k owner -s owner fh.json
echo "rc=$?"
# Through the controls: the element's own log group cannot let it pass.
echo 'allow loggroup /allowed' >controls.conf
ll-splitjson -e logEvents -k owner,logGroup fh.json 2>/dev/null |
    ll-filter -c controls.conf
echo "rc=$?"
