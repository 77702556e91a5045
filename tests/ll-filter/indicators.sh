# --indicators FILE: every line of the file (comments, blank lines and
# surrounding blanks aside) is looked for at once, with the --grep
# strings, in the texts --grep searches; a record that holds any of
# them is kept, with the ones it holds named in a last member,
# ll_match, in the order given (overlapping ones each named).  With -x
# they must stand as whole words, -i ignores ASCII case.  Records
# without indicators pass byte for byte as before.
printf '%s\n' '# INC-4711' '' ' 10.0.3.17 ' '10.0.3.1' '0.3.17' 'Alice' \
    'deploy@10.0.3.17' >ind
cat >in <<'J'
{"k":1,"ip":"10.0.3.17"}
{"k":2,"ip":"10.0.3.170"}
{"k":3,"msg":"ssh deploy@10.0.3.17:22"}
{"k":4,"message":"{\"user\":\"alice\",\"ip\":\"10\\u002e0.3.1\"}"}
{"k":5,"n":1}
{"k":6, "ip" : "10.0.3.1" }
{}
J
ll-filter -I ind -S stats.json in
echo "rc=$?"
jq -c .removed stats.json
echo "-- -x"
ll-filter -x -I ind in
echo "-- -i -x, and -g"
ll-filter -i -x -I ind -g '"n"' in
echo "-- with -w"
ll-filter -I ind -w '.k > 3' in
echo "-- usage"
: >empty
ll-filter -I empty in
echo "rc=$?"
ll-filter -I missing in
echo "rc=$?"
ll-filter -x -I ind -i -h | grep -c indicators
