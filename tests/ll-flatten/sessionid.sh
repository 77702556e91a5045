# sessionid: StartSession and ResumeSession name it in the response (which
# may be null), TerminateSession in the request; only for Session Manager
# (Athena has a StartSession of its own).
cat >in <<'X'
{"eventTime":"2026-03-01T10:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"StartSession","responseElements":{"sessionId":"s-1"},"eventID":"1"}
{"eventTime":"2026-03-01T10:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"StartSession","responseElements":null,"errorCode":"AccessDenied","eventID":"2"}
{"eventTime":"2026-03-01T10:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"ResumeSession","responseElements":{"sessionId":"s-1","streamUrl":"wss://x"},"eventID":"3"}
{"eventTime":"2026-03-01T10:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"TerminateSession","requestParameters":{"sessionId":"s-1"},"responseElements":{"sessionId":"s-1"},"eventID":"4"}
{"eventTime":"2026-03-01T10:00:00Z","eventSource":"athena.amazonaws.com","eventName":"StartSession","responseElements":{"sessionId":"a-9"},"eventID":"5"}
{"eventTime":"2026-03-01T10:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"SendCommand","responseElements":{"sessionId":"x"},"eventID":"6"}
{"eventTime":"2026-03-01T10:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"StartSession","responseElements":{"sessionId":42},"eventID":"7"}
X
ll-flatten -T cloudtrail in | jq -c '[.eventid, .sessionid]'
