# CloudWatch delivers some log events twice: --dedupe-right keeps the
# first of each event_id within a session.  Records without an event_id
# are never taken for duplicates; the same id in another session is not
# a duplicate.
cat >left <<'END'
{"sessionid":"s1"}
{"sessionid":"s2"}
END
cat >right <<'END'
{"sessionid":"s1","event_id":"e1","sessiondata":"first copy"}
{"sessionid":"s1","event_id":"e2","sessiondata":"two"}
{"sessionid":"s2","event_id":"e1","sessiondata":"other session"}
{"sessionid":"s1","event_id":"e1","sessiondata":"second copy"}
{"sessionid":"s1","sessiondata":"no id"}
{"sessionid":"s1","event_id":null,"sessiondata":"null id"}
{"sessionid":"s1","sessiondata":"no id"}
{"sessionid":"s1","event_id":"e2","sessiondata":"two"}
END
ll-join -k sessionid -d event_id -a t=text:sessiondata -a n=count \
    -s ' | ' -S stats.json left right
jq .right_duplicates stats.json
ll-join -k sessionid -a t=text:sessiondata -a n=count -s ' | ' left right
# Plain joins are deduplicated too.
ll-join -k sessionid -d event_id left right | wc -l
