# One session bigger than the budget cannot be split by key hash: it is
# joined in memory anyway, with a warning and a counter, and the output
# is the same as without a budget.
awk 'BEGIN { for (i = 0; i < 3000; i++)
	printf "{\"sessionid\":\"s1\",\"event_id\":\"e%d\",\"timestamp\":%d}\n",
	    i, 3000 - i }' >right
printf '{"sessionid":"s1"}\n{"sessionid":"s2"}\n' >left
ll-join -J left -k sessionid -o timestamp -a n=count -a f=first:event_id \
    left right >mem
ll-join -J left -k sessionid -o timestamp -a n=count -a f=first:event_id \
    -b 4K -S stats.json left right >spilled
echo "rc=$?"
cat spilled
cmp mem spilled && echo same
jq -c '{groups_over_memory, spill_depth}' stats.json
