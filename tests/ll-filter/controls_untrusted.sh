# A value of the controls file that is refused is quoted in the message
# escaped (terminal escapes, control characters) and cut after 200
# bytes with "...": the file is input like any other.
printf 'allow account 11112222333\033[2J\n' >c1
printf 'deny region us-east-1\001x\n' >c2
printf 'allow eventname %s\033\n' "$(printf 'A%.0s' $(seq 1 300))" >c3
printf 'permit\033]0;title\007 account 111122223333\n' >c4
for c in c1 c2 c3 c4; do
	echo '{}' | ll-filter -c $c
	echo "rc=$?"
done
