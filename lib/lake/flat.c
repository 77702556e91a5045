/*
 * Flattening a record from ll-splitjson into a readready row: one scan
 * of the record keeps the values the table's columns come from (a tree
 * of their source paths drives it), checks the event time, derives
 * calendarday, event_time, sessionid and sessiondata.  ll-flatten
 * writes the row as JSON; ll-partition --flatten takes the values
 * directly, without the round trip through JSON text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lake/flat.h"
#include "isotime.h"
#include "json/jscan.h"
#include "ll.h"
#include "lake/schema.h"
#include "xalloc.h"

/* One key of a source path; the tree of all of them drives the scan. */
struct node {
	char		*key;
	size_t		 keylen;
	char		*path;
	struct node	*child;
	size_t		 nchild, last;
	int		 slot;		/* value kept for the row, or -1 */
};

enum derived { D_NONE, D_CALENDARDAY, D_SESSIONID, D_EVENT_TIME,
    D_SESSIONDATA, D_MESSAGE };

struct ll_flat {
	const struct ll_table *t;
	int		 cloudwatch;
	struct node	 root;
	int		*colslot;
	enum derived	*derived;
	struct ll_jval	*slot;
	int		 nslot;
	int		 s_time, s_source, s_name, s_respsid, s_reqsid;
	int		 s_mtype, s_msg, s_msgsid, s_msgdata;
	struct ll_jscan	 scan;
	char		 day[11], when[32];
	char		 dayq[13], whenq[34];	/* the same as JSON strings */
	struct ll_jbuf	 lines;			/* sessiondata, JSON text */
	struct ll_jval	 sessionid;
	struct node	*msgnode;	/* CloudWatch's message */
	struct ll_jscan	 sub;
	struct ll_jbuf	 msgbuf;	/* a message string, decoded */
	int		 msgparsed;	/* ... and read as an object */
};

static const struct ll_column text = { NULL, NULL, LL_CT_STRING,
    LL_CK_FIELD };

/* Adds PATH to the tree and returns the slot holding its value. */
static int
add_path(struct ll_flat *f, const char *path)
{
	struct node *n, *c;
	const char *seg, *dot;
	size_t i, len;

	n = &f->root;
	for (seg = path; seg != NULL; seg = dot != NULL ? dot + 1 : NULL) {
		dot = strchr(seg, '.');
		len = dot != NULL ? (size_t)(dot - seg) : strlen(seg);
		for (i = 0; i < n->nchild; i++)
			if (n->child[i].keylen == len &&
			    memcmp(n->child[i].key, seg, len) == 0)
				break;
		if (i == n->nchild) {
			n->child = xreallocarray(n->child, n->nchild + 1,
			    sizeof(*n->child));
			c = &n->child[n->nchild++];
			memset(c, 0, sizeof(*c));
			c->key = xstrndup(seg, len);
			c->keylen = len;
			c->path = xstrndup(path, (size_t)(seg - path) + len);
			c->slot = -1;
		}
		n = &n->child[i];
	}
	if (n->slot == -1)
		n->slot = f->nslot++;
	return n->slot;
}

static void
free_node(struct node *n)
{
	size_t i;

	for (i = 0; i < n->nchild; i++)
		free_node(&n->child[i]);
	free(n->child);
	free(n->key);
	free(n->path);
}

struct ll_flat *
ll_flat_new(const struct ll_table *t)
{
	const struct ll_column *c;
	struct ll_flat *f;
	size_t i;

	f = xcalloc(1, sizeof(*f));
	f->t = t;
	f->cloudwatch = strcmp(t->name, "cloudwatch") == 0;
	f->root.slot = -1;
	f->colslot = xreallocarray(NULL, t->ncols, sizeof(int));
	f->derived = xcalloc(t->ncols, sizeof(*f->derived));
	for (i = 0; i < t->ncols; i++) {
		c = &t->cols[i];
		f->colslot[i] = c->path != NULL ? add_path(f, c->path) : -1;
		if (c->kind != LL_CK_DERIVED)
			continue;
		if (strcmp(c->name, "calendarday") == 0)
			f->derived[i] = D_CALENDARDAY;
		else if (strcmp(c->name, "sessionid") == 0)
			f->derived[i] = D_SESSIONID;
		else if (strcmp(c->name, "event_time") == 0)
			f->derived[i] = D_EVENT_TIME;
		else if (strcmp(c->name, "sessiondata") == 0)
			f->derived[i] = D_SESSIONDATA;
		else
			f->derived[i] = D_MESSAGE;
	}
	if (f->cloudwatch) {
		f->s_time = add_path(f, "timestamp");
		f->s_mtype = add_path(f, "messageType");
		f->s_msg = add_path(f, "message");
		f->s_msgsid = add_path(f, "message.sessionId");
		f->s_msgdata = add_path(f, "message.sessionData");
	} else {
		f->s_time = add_path(f, "eventTime");
		f->s_source = add_path(f, "eventSource");
		f->s_name = add_path(f, "eventName");
		f->s_respsid = add_path(f, "responseElements.sessionId");
		f->s_reqsid = add_path(f, "requestParameters.sessionId");
	}
	f->slot = xcalloc((size_t)f->nslot, sizeof(*f->slot));
	for (i = 0; f->cloudwatch && i < f->root.nchild; i++)
		if (strcmp(f->root.child[i].key, "message") == 0)
			f->msgnode = &f->root.child[i];
	return f;
}

/* Counts a field the row does not carry: unknown, or of another shape. */
static void
dropped(const char *path, const struct ll_jval *key)
{
	json_t *o, *v;
	char *name;

	if ((o = json_object_get(ll_stats.extra, "dropped_fields")) == NULL) {
		o = json_object();
		json_object_set_new(ll_stats.extra, "dropped_fields", o);
	}
	if (key == NULL)
		name = xstrdup(path);
	else
		name = xasprintf("%s%s%.*s", path, *path != '\0' ? "." : "",
		    (int)key->n - 2, key->p + 1);
	v = json_object_get(o, name);
	json_object_set_new(o, name, json_integer(v != NULL ?
	    json_integer_value(v) + 1 : 1));
	free(name);
}

static struct node *
child(struct node *n, const struct ll_jval *key)
{
	struct node *c;
	size_t i;

	for (i = 0; i < n->nchild; i++) {
		c = &n->child[(n->last + i) % n->nchild];
		if (key->esc ? ll_jstr_eq(key, c->key) : key->n == c->keylen +
		    2 && memcmp(key->p + 1, c->key, c->keylen) == 0) {
			/* Records keep their field order: try the next. */
			n->last = (n->last + i + 1) % n->nchild;
			return c;
		}
	}
	return NULL;
}

/* Scans the value at the cursor, keeping what the tree asks for. */
static int
visit(struct ll_flat *f, struct ll_jscan *s, struct node *n)
{
	struct ll_jiter it;
	struct ll_jval key, v;
	struct node *c;
	const char *start;
	int r;

	if (n->nchild == 0 || ll_jscan_peek(s) != LL_JOBJ) {
		if (ll_jscan_value(s, &v) == -1)
			return -1;
		if (n->slot >= 0)
			f->slot[n->slot] = v;
		else if (v.type != LL_JNULL)
			dropped(n->path, NULL);
		return 0;
	}
	start = s->p;
	if (ll_jscan_open(s, &it) == -1)
		return -1;
	while ((r = ll_jscan_next(s, &it, &key)) == 1) {
		c = child(n, &key);
		if (c != NULL) {
			if (visit(f, s, c) == -1)
				return -1;
			continue;
		}
		if (ll_jscan_value(s, &v) == -1)
			return -1;
		/* Kept whole, an object loses nothing to unknown keys. */
		if (n->slot < 0)
			dropped(n->path != NULL ? n->path : "", &key);
	}
	if (r == -1)
		return -1;
	if (n->slot >= 0) {
		f->slot[n->slot].p = start;
		f->slot[n->slot].n = (size_t)(s->p - start);
		f->slot[n->slot].type = LL_JOBJ;
		f->slot[n->slot].esc = 0;
	}
	return 0;
}

static int
num(const char *p, int n, int max)
{
	int i, v;

	for (i = v = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + p[i] - '0';
	}
	return v <= max ? v : -1;
}

/* N decimal digits of V at P, zero-padded: snprintf is slow per row. */
static char *
digits_at(char *p, unsigned v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

/*
 * The UTC day of an ISO 8601 time as CloudTrail writes it:
 * YYYY-MM-DDTHH:MM:SS, optional fraction, then Z or +HH:MM.
 */
static int
event_day(const struct ll_jval *v, char day[11])
{
	static const unsigned char mdays[] = { 31, 29, 31, 30, 31, 30, 31,
	    31, 30, 31, 30, 31 };
	const char *p, *end;
	int64_t mins;
	int y, mo, d, h, mi, s, oh, om, sign;

	if (v->type != LL_JSTR || v->esc || v->n < 22)
		return -1;
	p = v->p + 1;
	end = v->p + v->n - 1;
	if (p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != 't') ||
	    p[13] != ':' || p[16] != ':')
		return -1;
	y = num(p, 4, 9999);
	mo = num(p + 5, 2, 12);
	d = num(p + 8, 2, 31);
	h = num(p + 11, 2, 23);
	mi = num(p + 14, 2, 59);
	s = num(p + 17, 2, 60);
	if (y < 0 || mo < 1 || d < 1 || h < 0 || mi < 0 || s < 0 ||
	    d > mdays[mo - 1] || (mo == 2 && d == 29 &&
	    (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))))
		return -1;
	p += 19;
	if (p < end && *p == '.') {
		while (++p < end && *p >= '0' && *p <= '9')
			;
		if (p[-1] == '.')
			return -1;
	}
	oh = om = 0;
	sign = 0;
	if (end - p == 1 && (*p == 'Z' || *p == 'z'))
		;
	else if (end - p == 6 && (*p == '+' || *p == '-') && p[3] == ':') {
		sign = *p == '+' ? 1 : -1;
		oh = num(p + 1, 2, 23);
		om = num(p + 4, 2, 59);
		if (oh < 0 || om < 0)
			return -1;
	} else
		return -1;
	mins = ll_isotime_days(y, (unsigned)mo, (unsigned)d) * 1440 +
	    h * 60 + mi - sign * (oh * 60 + om);
	return ll_isotime_day(mins * 60000, day);
}

/* Epoch milliseconds, as CloudWatch Logs gives them, to day and time. */
static int
event_ms(struct ll_flat *f, const struct ll_jval *v)
{
	long long ms;
	size_t i;
	unsigned sec;
	char *p;

	if (v->type != LL_JNUM || v->n > 15)
		return -1;
	for (ms = 0, i = 0; i < v->n; i++) {
		if (v->p[i] < '0' || v->p[i] > '9')
			return -1;
		ms = ms * 10 + v->p[i] - '0';
	}
	if (ms >= 253402300800000LL)
		return -1;
	if (ll_isotime_day(ms, f->day) == -1)
		return -1;
	sec = (unsigned)(ms / 1000 % 86400);
	memcpy(f->when, f->day, 10);
	p = f->when + 10;
	*p++ = 'T';
	p = digits_at(p, sec / 3600, 2);
	*p++ = ':';
	p = digits_at(p, sec / 60 % 60, 2);
	*p++ = ':';
	p = digits_at(p, sec % 60, 2);
	*p++ = '.';
	p = digits_at(p, (unsigned)(ms % 1000), 3);
	memcpy(p, "Z", 2);
	return 0;
}

/*
 * Whether V, not null, suits column C: a value of the wrong type would
 * break the column for readers.
 */
static int
typed(const struct ll_column *c, const struct ll_jval *v)
{
	size_t i;

	if (c->type == LL_CT_STRING)
		return 0;
	if (c->type == LL_CT_BOOLEAN)
		return v->type == LL_JTRUE || v->type == LL_JFALSE ||
		    ll_jstr_eq(v, "true") || ll_jstr_eq(v, "false") ? 0 : -1;
	if (v->type != LL_JNUM || v->n > 18)
		return -1;
	for (i = v->p[0] == '-'; i < v->n; i++)
		if (v->p[i] < '0' || v->p[i] > '9')
			return -1;
	return 0;
}

static void
put_field(struct ll_jbuf *o, const struct ll_column *c,
    const struct ll_jval *v)
{
	if (v->type == LL_JNONE || v->type == LL_JNULL)
		ll_jbuf_add(o, "null", 4);
	else if (typed(c, v) == -1) {
		ll_jbuf_add(o, "null", 4);
		ll_stats_add("values_nulled", 1);
	} else if (c->type == LL_CT_STRING)
		ll_jbuf_addval_str(o, v);
	else if (c->type == LL_CT_BOOLEAN && (v->type == LL_JTRUE ||
	    ll_jstr_eq(v, "true")))
		ll_jbuf_add(o, "true", 4);
	else if (c->type == LL_CT_BOOLEAN)
		ll_jbuf_add(o, "false", 5);
	else
		ll_jbuf_add(o, v->p, v->n);
}

/* Session Manager transcript lines, joined with newlines. */
static void
put_lines(struct ll_jbuf *o, const struct ll_jval *v)
{
	struct ll_jscan s;
	struct ll_jiter it;
	struct ll_jval e;
	int first;

	if (v->type != LL_JARR) {
		if (v->type == LL_JNONE || v->type == LL_JNULL)
			ll_jbuf_add(o, "null", 4);
		else
			ll_jbuf_addval_str(o, v);
		return;
	}
	memset(&s, 0, sizeof(s));
	ll_jscan_init(&s, v->p, v->n);
	ll_jbuf_addc(o, '"');
	(void)ll_jscan_open(&s, &it);
	for (first = 1; ll_jscan_next(&s, &it, NULL) == 1; first = 0) {
		(void)ll_jscan_value(&s, &e);
		if (!first)
			ll_jbuf_add(o, "\\n", 2);
		if (e.type == LL_JSTR)
			ll_jbuf_add(o, e.p + 1, e.n - 2);
		else
			ll_jbuf_addesc(o, e.p, e.n);
	}
	ll_jbuf_addc(o, '"');
	ll_jscan_free(&s);
}

/*
 * sessionid of a CloudTrail record: Session Manager names the session
 * in the response of StartSession and ResumeSession (which can be null
 * when the call failed) and in the request of TerminateSession.
 */
static void
ct_session(struct ll_flat *f)
{
	const struct ll_jval *name = &f->slot[f->s_name];

	memset(&f->sessionid, 0, sizeof(f->sessionid));
	if (!ll_jstr_eq(&f->slot[f->s_source], "ssm.amazonaws.com"))
		return;
	if (ll_jstr_eq(name, "StartSession") ||
	    ll_jstr_eq(name, "ResumeSession"))
		f->sessionid = f->slot[f->s_respsid];
	else if (ll_jstr_eq(name, "TerminateSession"))
		f->sessionid = f->slot[f->s_reqsid];
}

/* S as a JSON string at Q: S has nothing to escape. */
static void
quote(char *q, const char *s)
{
	size_t n = strlen(s);

	q[0] = '"';
	memcpy(q + 1, s, n);
	q[n + 1] = '"';
	q[n + 2] = '\0';
}

static void
clear_slots(struct ll_flat *f, const struct node *n)
{
	size_t i;

	if (n->slot >= 0)
		memset(&f->slot[n->slot], 0, sizeof(f->slot[n->slot]));
	for (i = 0; i < n->nchild; i++)
		clear_slots(f, &n->child[i]);
}

/*
 * Session Manager transcripts reach CloudWatch Logs as JSON inside the
 * message string.  Unless ll-splitjson --parse made it an object, its
 * fields are read from the decoded string here (no tree, no copy but
 * the decoding); the message itself stays the text it was.  A message
 * that is not a JSON object is just text.
 */
static void
parse_message(struct ll_flat *f)
{
	struct ll_jval *m = &f->slot[f->s_msg], saved;

	f->msgparsed = 0;
	if (m->type != LL_JSTR || f->msgnode == NULL)
		return;
	f->msgbuf.len = 0;
	ll_jbuf_addunesc(&f->msgbuf, m);
	ll_jscan_init(&f->sub, f->msgbuf.p, f->msgbuf.len);
	if (ll_jscan_peek(&f->sub) != LL_JOBJ)
		return;
	saved = *m;
	if (visit(f, &f->sub, f->msgnode) == 0 && ll_jscan_end(&f->sub) == 0)
		f->msgparsed = 1;
	else
		clear_slots(f, f->msgnode);
	*m = saved;
}

/*
 * Scans one record.  0: the row is ready; -1: rejected (reported and
 * counted); 1: left out on purpose (a CloudWatch control message,
 * counted).
 */
int
ll_flat_record(struct ll_flat *f, const char *name, uintmax_t lineno,
    const char *line, size_t len)
{
	const struct ll_jval *v;

	memset(f->slot, 0, (size_t)f->nslot * sizeof(*f->slot));
	ll_jscan_init(&f->scan, line, len);
	if (ll_jscan_peek(&f->scan) != LL_JOBJ) {
		ll_warnx_at(name, lineno, "not a JSON object");
		ll_reject(LL_R_NOT_OBJECT, line, len);
		return -1;
	}
	if (visit(f, &f->scan, &f->root) == -1 ||
	    ll_jscan_end(&f->scan) == -1) {
		ll_warnx_at(name, lineno, "byte %zu: invalid JSON: %s",
		    ll_jscan_offset(&f->scan), f->scan.err);
		ll_reject(LL_R_INVALID_JSON, line, len);
		return -1;
	}
	v = &f->slot[f->s_time];
	if (f->cloudwatch) {
		if (ll_jstr_eq(&f->slot[f->s_mtype], "CONTROL_MESSAGE")) {
			ll_count(LL_R_CONTROL_MESSAGE);
			return 1;
		}
		if (event_ms(f, v) == -1) {
			ll_warnx_at(name, lineno, "%s timestamp", v->type ==
			    LL_JNONE ? "no" : "invalid");
			ll_reject(LL_R_INVALID_EVENT_TIME, line, len);
			return -1;
		}
		parse_message(f);
		quote(f->whenq, f->when);
		f->lines.len = 0;
		put_lines(&f->lines, &f->slot[f->s_msgdata]);
	} else {
		if (event_day(v, f->day) == -1) {
			ll_warnx_at(name, lineno, "%s eventTime", v->type ==
			    LL_JNONE ? "no" : "invalid");
			ll_reject(LL_R_INVALID_EVENT_TIME, line, len);
			return -1;
		}
		ct_session(f);
	}
	quote(f->dayq, f->day);
	return 0;
}

static void
span(struct ll_jval *v, const char *p, size_t n, int type, int esc)
{
	v->p = p;
	v->n = n;
	v->type = type;
	v->esc = esc;
}

/*
 * The message column holds a log event's text, unless it is a Session
 * Manager transcript, whose text is in the session columns already.
 */
static const struct ll_jval *
message(const struct ll_flat *f)
{
	const struct ll_jval *m = &f->slot[f->s_msg];

	if ((m->type == LL_JOBJ || f->msgparsed) &&
	    (f->slot[f->s_msgdata].type != LL_JNONE ||
	    f->slot[f->s_msgsid].type != LL_JNONE))
		return NULL;
	return m;
}

/*
 * The value of column I of the row, as a span of the record or of the
 * flattener; valid until the next record.  A JSON-text column comes
 * as LL_JOBJ whatever it holds: its text is the value.  Boolean and
 * integer columns come checked, a value of the wrong type as null.
 */
void
ll_flat_value(const struct ll_flat *f, size_t i, struct ll_jval *v)
{
	const struct ll_column *c = &f->t->cols[i];
	const struct ll_jval *m;

	switch (f->derived[i]) {
	case D_CALENDARDAY:
		span(v, f->dayq, strlen(f->dayq), LL_JSTR, 0);
		return;
	case D_EVENT_TIME:
		span(v, f->whenq, strlen(f->whenq), LL_JSTR, 0);
		return;
	case D_SESSIONID:
		*v = f->sessionid;
		return;
	case D_SESSIONDATA:
		if (f->lines.len == 4 && memcmp(f->lines.p, "null", 4) == 0)
			span(v, "null", 4, LL_JNULL, 0);
		else
			span(v, f->lines.p, f->lines.len, LL_JSTR, 1);
		return;
	case D_MESSAGE:
		if ((m = message(f)) != NULL)
			*v = *m;
		else
			span(v, "null", 4, LL_JNULL, 0);
		return;
	case D_NONE:
		break;
	}
	*v = f->slot[f->colslot[i]];
	if (v->type == LL_JNONE || v->type == LL_JNULL)
		return;
	if (c->kind == LL_CK_JSON)
		v->type = LL_JOBJ;
	else if (typed(c, v) == -1) {
		ll_stats_add("values_nulled", 1);
		span(v, "null", 4, LL_JNULL, 0);
	}
}

/* Appends column I of the row as ll-flatten writes it: JSON text. */
void
ll_flat_put(const struct ll_flat *f, size_t i, struct ll_jbuf *o)
{
	const struct ll_column *c = &f->t->cols[i];
	const struct ll_jval *v;

	switch (f->derived[i]) {
	case D_CALENDARDAY:
		ll_jbuf_adds(o, f->dayq);
		return;
	case D_EVENT_TIME:
		ll_jbuf_adds(o, f->whenq);
		return;
	case D_SESSIONID:
		put_field(o, &text, &f->sessionid);
		return;
	case D_SESSIONDATA:
		ll_jbuf_add(o, f->lines.p, f->lines.len);
		return;
	case D_MESSAGE:
		if ((v = message(f)) != NULL)
			put_field(o, &text, v);
		else
			ll_jbuf_add(o, "null", 4);
		return;
	case D_NONE:
		break;
	}
	v = &f->slot[f->colslot[i]];
	if (c->kind != LL_CK_JSON)
		put_field(o, c, v);
	else if (v->type == LL_JNONE || v->type == LL_JNULL)
		ll_jbuf_add(o, "null", 4);
	else
		ll_jbuf_addraw_str(o, v->p, v->n);
}

void
ll_flat_free(struct ll_flat *f)
{
	if (f == NULL)
		return;
	free(f->colslot);
	free(f->derived);
	free(f->slot);
	free_node(&f->root);
	ll_jscan_free(&f->scan);
	ll_jscan_free(&f->sub);
	ll_jbuf_free(&f->lines);
	ll_jbuf_free(&f->msgbuf);
	free(f);
}
