/*
 * One session_review row read into what a reviewer is shown.  Rows
 * are read tolerantly: a time may be RFC 3339 text or a number of
 * milliseconds since the epoch (the lake's tables are moving from one
 * to the other), requestparameters an object or its JSON text, and a
 * column that is absent reads as null.
 */
#include <string.h>

#include "isotime.h"
#include "json/json.h"
#include "ll.h"
#include "report.h"

#define MS_DAY	86400000LL

static struct str
field(json_t *row, const char *key)
{
	json_t *v = json_object_get(row, key);
	struct str s = { NULL, 0 };

	if (json_is_string(v)) {
		s.p = json_string_value(v);
		s.n = json_string_length(v);
	}
	return s;
}

static uintmax_t
count(json_t *row, const char *key)
{
	json_t *v = json_object_get(row, key);

	if (json_is_integer(v) && json_integer_value(v) > 0)
		return (uintmax_t)json_integer_value(v);
	if (json_is_real(v) && json_real_value(v) > 0)
		return (uintmax_t)json_real_value(v);
	return 0;
}

/*
 * A time as text ("2026-03-01T10:05:00Z", also with a space for the
 * "T" as SQL engines print it) or as a number: milliseconds, or
 * seconds when it is too small to be milliseconds since 1973, or
 * microseconds when too large to be milliseconds before the year 5000.
 */
int
ll_session_time(json_t *v, int64_t *ms)
{
	char buf[64];
	double d;
	size_t n;

	if (json_is_string(v)) {
		n = json_string_length(v);
		if (n >= sizeof(buf))
			return -1;
		memcpy(buf, json_string_value(v), n);
		if (n > 10 && buf[10] == ' ')
			buf[10] = 'T';
		return ll_isotime_parse(buf, n, ms);
	}
	if (!json_is_number(v))
		return -1;
	d = json_number_value(v);
	if (d != d || d < -1e17 || d > 1e17)
		return -1;
	if (d > -1e11 && d < 1e11)
		d *= 1000;
	else if (d >= 1e14 || d <= -1e14)
		d /= 1000;
	*ms = (int64_t)d;
	return 0;
}

/*
 * The person: the IAM user name, else the last part of the ARN (an
 * assumed role's session name, which for IAM Identity Center is the
 * user's), else what follows ':' in the principal id.
 */
void
ll_session_who(json_t *row, struct str *arn, struct str *user,
    struct str *srcid)
{
	const char *slash;
	struct str pid;

	*arn = field(row, "useridentity_arn");
	*srcid = field(row, "useridentity_sessioncontext_sourceidentity");
	*user = field(row, "useridentity_username");
	if (user->p != NULL)
		return;
	for (slash = arn->p != NULL ? arn->p + arn->n : NULL;
	    slash != NULL && slash > arn->p && slash[-1] != '/'; slash--)
		;
	if (slash != NULL && slash > arn->p) {
		user->p = slash;
		user->n = arn->n - (size_t)(slash - arn->p);
		return;
	}
	pid = field(row, "useridentity_principalid");
	if (pid.p != NULL && (slash = memchr(pid.p, ':', pid.n)) != NULL) {
		user->p = slash + 1;
		user->n = pid.n - (size_t)(slash + 1 - pid.p);
	}
}

/* Skips an escape sequence (colour, window title) starting at p[i]. */
static size_t
skip_escape(const char *p, size_t n, size_t i)
{
	if (i + 1 >= n)
		return n;
	if (p[i + 1] == '[') {
		for (i += 2; i < n && (p[i] < 0x40 || p[i] > 0x7e); i++)
			;
		return i < n ? i + 1 : n;
	}
	if (p[i + 1] == ']') {
		for (i += 2; i < n && p[i] != '\a' && p[i] != 0x1b; i++)
			;
		if (i < n && p[i] == 0x1b)
			i++;
		return i < n ? i + 1 : n;
	}
	return i + 2;
}

/*
 * Whether a transcript line is a command: a shell prompt ("$ ", "# ",
 * "sh-5.2$ ", "[ec2-user@ip-10-0-1-5 ~]$ ", "PS C:\> ", colours and all)
 * followed by something typed.
 */
static int
is_command(const char *p, size_t n)
{
	size_t i = 0, depth = 0;

	if (n >= 3 && memcmp(p, "PS ", 3) == 0)
		i = 3;
	while (i < n && i < 256) {
		if (p[i] == 0x1b) {
			i = skip_escape(p, n, i);
			continue;
		}
		if (p[i] == '[')
			depth++;
		else if (p[i] == ']' && depth > 0)
			depth--;
		else if (depth == 0 && (p[i] == ' ' || p[i] == '\t'))
			return 0;
		else if (depth == 0 && strchr("$#>%", p[i]) != NULL &&
		    i + 1 < n && p[i + 1] == ' ') {
			for (i += 2; i < n; i++)
				if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
					return 1;
			return 0;
		}
		i++;
	}
	return 0;
}

uintmax_t
ll_session_commands(const char *p, size_t n)
{
	const char *nl;
	uintmax_t k = 0;

	while (n > 0) {
		nl = memchr(p, '\n', n);
		if (is_command(p, nl != NULL ? (size_t)(nl - p) : n))
			k++;
		if (nl == NULL)
			break;
		n -= (size_t)(nl + 1 - p);
		p = nl + 1;
	}
	return k;
}

static void
params(struct session *s)
{
	json_t *v = json_object_get(s->row, "requestparameters");
	json_error_t jerr;

	if (json_is_string(v))
		s->params = ll_json_parse(json_string_value(v),
		    json_string_length(v), &jerr);
	else if (json_is_object(v))
		s->params = json_incref(v);
	s->target = field(s->params, "target");
	s->document = field(s->params, "documentName");
}

/* Reads ROW (kept until session_free); -1 if its time is unreadable. */
int
ll_session_read(struct session *s, json_t *row)
{
	int64_t first, last, from;

	memset(s, 0, sizeof(*s));
	s->row = row;
	if (ll_session_time(json_object_get(row, "eventtime"), &s->start) == -1)
		return -1;
	ll_session_who(row, &s->arn, &s->user, &s->srcid);
	s->sid = field(row, "sessionid");
	s->eventid = field(row, "eventid");
	s->account = field(row, "useridentity_accountid");
	if (s->account.p == NULL)
		s->account = field(row, "recipientaccountid");
	s->ip = field(row, "sourceipaddress");
	s->errcode = field(row, "errorcode");
	s->transcript = field(row, "transcript");
	s->has_transcript = s->transcript.p != NULL;
	s->lines = count(row, "transcript_lines");
	s->events = count(row, "log_events");
	s->commands = ll_session_commands(s->transcript.p, s->transcript.n);
	params(s);
	s->duration = -1;
	if (ll_session_time(json_object_get(row, "last_timestamp"),
	    &last) == 0) {
		from = s->start;
		if (ll_session_time(json_object_get(row, "first_timestamp"),
		    &first) == 0 && first < from)
			from = first;
		s->duration = last - from;
	}
	return 0;
}

void
ll_session_free(struct session *s)
{
	json_decref(s->params);
	json_decref(s->row);
	memset(s, 0, sizeof(*s));
}
