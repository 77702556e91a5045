# Inputs whose last line has no newline lose nothing.
printf '{"k":1,"l":"a"}\n{"k":2,"l":"b"}' >left
printf '{"k":2,"r":"x"}\n{"k":1,"r":"y"}' >right
ll-join -k k left right
printf '{"k":1}' | ll-join -J semi -k k - right
