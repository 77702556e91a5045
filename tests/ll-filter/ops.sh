# Every operator, positive and negated, on strings, numbers, literals,
# nested and quoted paths; each line shows the test and the "k" of the
# records that pass.  --parse (jansson) must select the same records.
cat >in <<'J'
{"k":1,"eventName":"StartSession","n":5,"ok":true,"t":"2026-03-01T10:05:00Z","u":{"arn":"arn:aws:iam::1:role/a"}}
{"k":2,"eventName":"Start\u0053ession","n":"7","ok":false,"t":"2026-03-02T00:00:00Z"}
{"k":3,"eventName":"AssumeRole","note":"StartSession","n":1.5e1,"ok":null,"a.b":"dotted"}
{"k":4,"StartSession":"eventName","eventName":null,"x":{"eventName":"StartSession"}}
{"k":5,"eventName":"StartSessionX","errorCode":"AccessDenied","n":[5],"u":{"arn":"arn:aws:sts::1:assumed-role/b"}}
{"k":6,"eventName":"Start\/Session","n":-0.5,"t":"not a time","u":"flat"}
J
while read -r t; do
	printf '%-36s %s\n' "$t" "$(ll-filter -w "$t" in | jq -r .k | tr '\n' ' ')"
	ll-filter -w "$t" in >fast
	ll-filter -p -w "$t" in >full
	cmp -s fast full || echo "  --parse differs"
done <<'T'
.eventName = StartSession
.eventName == StartSession
.eventName != StartSession
.eventName = Start/Session
.eventName in StartSession,AssumeRole
.eventName !in StartSession,AssumeRole
.eventName ^= Start
.eventName !^= Start
.eventName ~ ^Start.*X$
.eventName ~ Session
.eventName !~ ^Start
.eventName = null
.ok = true
.ok = false
.n = 15
.n = 5
.n = 5.0
.n = 0x5
.n > 6
.n >= 5
.n < 0
.n !< 0
.n <= 1.5e1
.t >= 2026-03-02
.t < 2026-03-01T10:05:01Z
.t > 2026-03-01T11:05:00+01:00
.errorCode exists
.errorCode missing
.eventName exists
.ok !exists
.x.eventName = StartSession
.u.arn ^= arn:aws:sts::
."a.b" = dotted
.["a.b"]=dotted
eventName=AssumeRole
.StartSession = eventName
.u exists
.u.arn missing
T
