#!/usr/bin/env python3
"""Writes session_review rows for ll-report's tests to standard output:
nine rows (one a duplicate) over two days, people claimed by one manager,
by two, and by none, times in each spelling the lake may use, and one
hostile transcript.  Only the columns ll-report reads, plus a few."""
import json
import sys

ACCT = "111122223333"
SSO = "AWSReservedSSO_PowerUserAccess_0123456789abcdef"

HOSTILE = (
    "$ echo '<script>document.body.setAttribute(\"data-pwned\",\"1\")"
    "</script>'\n"
    "<script>document.body.setAttribute(\"data-pwned\",\"1\")</script>\n"
    "$ cat x.html\n"
    "</pre><img src=x onerror=\"document.body.setAttribute('data-pwned',"
    "'2')\"></script><script>document.body.setAttribute('data-pwned','3')"
    "</script><!-- &amp; &lt;b&gt;\n"
    "\x1b[31mred\x1b[0m \x1b]0;title\x07 ctl \x01\x02 del \x7f "
    "rlo \u202eevil\u202c line sep \u2028 end\r\n"
    "$ printf '``` fence'\n"
    "``` fence\n"
    "=cmd|' /C calc'!A0\n"
    "$ exit")


def sso(name):
    return {"useridentity_type": "AssumedRole",
            "useridentity_arn": "arn:aws:sts::%s:assumed-role/%s/%s"
            % (ACCT, SSO, name),
            "useridentity_principalid": "AROAEXAMPLE:%s" % name,
            "useridentity_accountid": ACCT, "useridentity_username": None}


def iam(name):
    return {"useridentity_type": "IAMUser",
            "useridentity_arn": "arn:aws:iam::%s:user/%s" % (ACCT, name),
            "useridentity_accountid": ACCT, "useridentity_username": name}


def row(n, who, when, ip, target, doc="SSM-SessionManagerRunShell",
        transcript=None, first=None, last=None, error=None, **kw):
    r = dict(who)
    r.update({"eventtime": when, "eventname": "StartSession",
              "sourceipaddress": ip,
              "requestparameters": json.dumps({"target": target,
                                               "documentName": doc}),
              "errorcode": error, "eventid": "ev-%02d" % n,
              "sessionid": None if error else "%s-%02d" % (
                  (r["useridentity_arn"].rsplit("/", 1)[1]), n),
              "transcript": transcript,
              "transcript_lines": 0 if transcript is None else
              transcript.count("\n") + 1,
              "log_events": 0 if transcript is None else 2,
              "first_timestamp": first, "last_timestamp": last,
              "calendarday": str(when)[:10] if isinstance(when, str) else
              "2026-03-01"})
    r.update(kw)
    return r


rows = [
    row(1, sso("alice"), "2026-03-01T08:09:56Z", "203.0.113.12",
        "i-0aaaaaaaaaaaaaaa1",
        transcript="$ sudo systemctl restart nginx\n$ uptime\n"
        " 08:11:02 up 3 days\n$ exit",
        first=1772352610000, last=1772352785000),
    row(2, sso("bob"), "2026-03-01 09:20:14", "198.51.100.77",
        "i-0bbbbbbbbbbbbbbb2", error="AccessDenied"),
    # eventtime as epoch milliseconds (typed tables), params as an object
    row(3, sso("carol@example.com"), 1772366400000, "203.0.113.45",
        "i-0ccccccccccccccc3", transcript="sh-5.2$ ls /etc\nhosts\n"
        "sh-5.2$ ", first="2026-03-01T12:00:05Z",
        last="2026-03-01T12:02:05Z",
        useridentity_sessioncontext_sourceidentity="carol@example.com"),
    row(4, iam("breakglass-admin"), "2026-03-01T23:30:00+00:00",
        "2001:db8::7", "i-0ddddddddddddddd4",
        transcript="[root@ip-10-0-1-5 ~]# id\nuid=0(root)\n"
        "[root@ip-10-0-1-5 ~]# exit", first=1772407805000,
        last=1772407925000),
    row(5, sso("hiro"), "2026-03-02T06:15:00Z", "203.0.113.7",
        "i-0eeeeeeeeeeeeeee5", doc="AWS-StartPortForwardingSession"),
    row(6, sso("mallory"), "2026-03-02T07:45:30.250Z", "=1+1",
        "i-0fffffffffffffff6", transcript=HOSTILE,
        first=1772437531000, last=1772437592000),
    row(7, sso("alice"), "2026-03-02T10:00:00Z", "203.0.113.12",
        "i-0aaaaaaaaaaaaaaa1", transcript="$ df -h\n$ exit",
        first=1772445601000, last=1772445662000),
    # a person with no ARN at all: only the principal id names them
    row(8, {"useridentity_type": "AssumedRole",
            "useridentity_principalid": "AROAEXAMPLE:ghost"},
        "2026-03-02T23:59:59Z", "192.0.2.1", "i-0999999999999999a",
        error="AccessDenied"),
]
rows[1]["sessionid"] = None
rows.append(dict(rows[0]))          # the same event read twice
rows[5]["requestparameters"] = {"target": "i-0fffffffffffffff6",
                                "documentName": "<b>doc</b>"}
for r in rows:
    sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
