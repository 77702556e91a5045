# A NUL byte outside a string is invalid JSON.  jansson took one after a
# keyword or a number for the end of its buffer and loaded the record,
# and ll-join then wrote a NUL into its output (found by fuzz_jfind,
# inputs kept in tests/fuzz/corpus/jfind/crash-*).  Now the record is
# rejected with its position and quarantined; the others join.
printf '{"k":1,"v":"a"}\n{"k":2,"v":null\0,"w":"unseen"}\n' >left
printf '{"k":3,"v":7\0}\n{"k":4,"s":"in\\u0000string"}\n' >>left
printf '{"k":1,"x":"l"}\n{"k":2,"x":"m"}\n' >right
printf '{"k":3,"x":"n"}\n{"k":4,"x":"o"}\n' >>right
ll-join -k k -r rej -S stats.json left right
echo "rc=$?"
od -c rej | sed 's/  */ /g'
jq -c '{rejected, reasons}' stats.json
