/*
 * Loading and applying the controls file.  Loading is strict on
 * purpose: a typo such as "acount", an 11-digit account id or a second
 * "from" line stops the run with the file and line, because a control
 * that is quietly ignored would let through what it was written to
 * stop.
 */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lake/controls.h"
#include "lake/source.h"
#include "isotime.h"
#include "excerpt.h"
#include "ll.h"
#include "json/path.h"
#include "strset.h"
#include "xalloc.h"

/* Lowercase words and a number joined by dashes: us-east-1. */
static int
valid_region(const char *v, size_t n, int star)
{
	return star || (memchr(v, '-', n) != NULL && v[n - 1] >= '0' &&
	    v[n - 1] <= '9');
}

static int
valid_org(const char *v, size_t n, int star)
{
	(void)star;
	return strncmp(v, "o-", n < 2 ? n : 2) == 0;
}

/*
 * The fields an object's key states; the sources add theirs (field
 * names as written in the file, and what their values look like).
 */
const struct ll_cfield ll_controls_account = { "account", "0123456789",
    12, 12, "an account id (12 digits)", NULL };
const struct ll_cfield ll_controls_region = { "region",
    "abcdefghijklmnopqrstuvwxyz0123456789-", 9, 20,
    "a region such as us-east-1", valid_region };
const struct ll_cfield ll_controls_organization = { "organization",
    "abcdefghijklmnopqrstuvwxyz0123456789-", 12, 34,
    "an organization id such as o-a1b2c3d4e5", valid_org };
const struct ll_cfield ll_controls_day = { "day", "", 0, 0, "", NULL };

enum action { A_ALLOW, A_DENY, A_FROM, A_UNTIL };

struct rule {
	char		*label;		/* "FILE:LINE: deny account" */
	enum action	 action;
	int		 field;		/* in ll_source_cfields */
	struct ll_strset exact;
	struct ll_strset prefix;	/* values written with a final '*' */
};

struct ll_controls {
	struct rule	*rules;
	size_t		 nrules;
	int		 allow[LL_CF_MAX];	/* allow-list rule, or -1 */
	int		 from_rule, until_rule;
	char		 from[11], until[11];
	char		 until_next[11];	/* the day after "until" */
	struct ll_path	*paths;		/* of ll_source_cpaths */
	size_t		 npaths;
};

struct loader {
	const char	*path;
	uintmax_t	 line;
};

static __dead void LL_PRINTF(2, 3)
bad(const struct loader *ld, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (ld->line > 0)
		fprintf(stderr, "%s: %s:%ju: ", ll_progname, ld->path,
		    ld->line);
	else
		fprintf(stderr, "%s: %s: ", ll_progname, ld->path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(LL_EXIT_USAGE);
}

/* A word of the file as it is shown in a message: escaped and cut. */
static const char *
shown(const char *w)
{
	static char buf[LL_EXCERPT_BUF];

	return ll_excerpt_str(buf, sizeof(buf), w);
}

static int
field_of(const char *name)
{
	const struct ll_cfield *const *fields;
	size_t f, n;

	if (strcmp(name, "organisation") == 0)
		name = "organization";
	fields = ll_source_cfields(&n);
	for (f = 0; f < n; f++)
		if (strcmp(name, fields[f]->name) == 0)
			return (int)f;
	return -1;
}

/* The field of the window of days. */
static int
day_field(void)
{
	static int f = -1;

	if (f == -1)
		f = field_of(ll_controls_day.name);
	return f;
}

static const struct ll_cfield *
field(int f)
{
	size_t n;

	return ll_source_cfields(&n)[f];
}

/* "account, region, ... or loggroup": the fields a rule may name. */
static void
field_list(char *buf, size_t size)
{
	const struct ll_cfield *const *fields;
	size_t f, n, k, i, len = 0;

	fields = ll_source_cfields(&n);
	for (k = 0, f = 0; f < n; f++)
		k += fields[f] != &ll_controls_day;
	buf[0] = '\0';
	for (i = 0, f = 0; f < n && len < size; f++) {
		if (fields[f] == &ll_controls_day)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i == 0 ? "" : i + 1 == k ? " or " : ", ", fields[f]->name);
		i++;
	}
}

/* Checks one value of an allow or deny line and adds it to the rule. */
static void
add_value(const struct loader *ld, struct rule *r, const char *v)
{
	const struct ll_cfield *cf = field(r->field);
	size_t n = strlen(v), i;
	int star;

	star = n > 0 && v[n - 1] == '*';
	if (star)
		n--;
	if (star && n == 0)
		bad(ld, "'*' alone would match every %s; remove the line "
		    "instead", cf->name);
	for (i = 0; i < n; i++)
		if (strchr(cf->chars, v[i]) == NULL)
			bad(ld, "'%s' is not %s%s", shown(v), cf->what,
			    v[i] == '*' ? " ('*' may only end a value)" : "");
	if (n > cf->max || (!star && n < cf->min))
		bad(ld, "'%s' is not %s", shown(v), cf->what);
	if (cf->valid != NULL && !cf->valid(v, n, star))
		bad(ld, "'%s' is not %s", shown(v), cf->what);
	ll_strset_add(star ? &r->prefix : &r->exact, v, n);
}

/* A new rule, labelled "FILE:LINE: WORD WHAT" for --stats. */
static struct rule *
new_rule(struct ll_controls *c, const struct loader *ld, enum action a,
    int f, const char *word, const char *what)
{
	struct rule *r;

	c->rules = xreallocarray(c->rules, c->nrules + 1, sizeof(*c->rules));
	r = &c->rules[c->nrules++];
	memset(r, 0, sizeof(*r));
	r->action = a;
	r->field = f;
	r->label = xasprintf("%s:%ju: %s %s", ld->path, ld->line, word,
	    what);
	return r;
}

static void
window(struct ll_controls *c, const struct loader *ld, enum action a,
    char **w, size_t nw)
{
	int *rule = a == A_FROM ? &c->from_rule : &c->until_rule;
	char *day = a == A_FROM ? c->from : c->until;

	if (nw != 2 || !ll_isotime_day_valid(w[1], strlen(w[1])))
		bad(ld, "expected '%s YYYY-MM-DD'", w[0]);
	if (*rule >= 0)
		bad(ld, "a second '%s' line", w[0]);
	new_rule(c, ld, a, day_field(), w[0], w[1]);
	*rule = (int)(c->nrules - 1);
	memcpy(day, w[1], 11);
}

/* Splits a line into words; a '#' that starts a word starts a comment. */
static size_t
words(char *line, char ***wp, size_t *cap)
{
	char *p;
	size_t n = 0;

	for (p = strtok(line, " \t\r\n"); p != NULL;
	    p = strtok(NULL, " \t\r\n")) {
		if (*p == '#')
			break;
		if (n == *cap) {
			*cap = *cap * 2 + 4;
			*wp = xreallocarray(*wp, *cap, sizeof(**wp));
		}
		(*wp)[n++] = p;
	}
	return n;
}

static void
parse_line(struct ll_controls *c, const struct loader *ld, char **w,
    size_t nw)
{
	struct rule *r;
	enum action a;
	size_t i;
	int f;
	char list[256];

	if (strcmp(w[0], "from") == 0 || strcmp(w[0], "until") == 0) {
		window(c, ld, w[0][0] == 'f' ? A_FROM : A_UNTIL, w, nw);
		return;
	}
	if (strcmp(w[0], "allow") == 0)
		a = A_ALLOW;
	else if (strcmp(w[0], "deny") == 0)
		a = A_DENY;
	else
		bad(ld, "unknown keyword '%s' (expected allow, deny, from or "
		    "until)", shown(w[0]));
	if (nw < 2)
		bad(ld, "'%s' needs a field and values", w[0]);
	if ((f = field_of(w[1])) == day_field())
		bad(ld, "days are not allowed or denied one by one; use "
		    "'from' and 'until'");
	if (f < 0) {
		field_list(list, sizeof(list));
		bad(ld, "unknown field '%s' (expected %s)", shown(w[1]), list);
	}
	if (nw < 3)
		bad(ld, "'%s %s' needs at least one value", w[0], w[1]);
	/* All allow lines for one field make one list. */
	if (a == A_ALLOW && c->allow[f] >= 0)
		r = &c->rules[c->allow[f]];
	else {
		r = new_rule(c, ld, a, f, w[0], field(f)->name);
		if (a == A_ALLOW)
			c->allow[f] = (int)(c->nrules - 1);
	}
	for (i = 2; i < nw; i++)
		add_value(ld, r, w[i]);
}

/*
 * Reads the controls file at PATH.  Any line that is not understood
 * ends the program with exit status 2; an unreadable file with 3.
 */
struct ll_controls *
ll_controls_load(const char *path)
{
	const struct ll_cpath *cp;
	struct ll_controls *c;
	struct loader ld = { path, 0 };
	FILE *fp;
	char *line = NULL, **w = NULL;
	size_t cap = 0, wcap = 0, nw, i;
	ssize_t n;
	int64_t ms;
	const char *why;

	if ((fp = fopen(path, "r")) == NULL)
		err(LL_EXIT_IO, "%s", path);
	c = xcalloc(1, sizeof(*c));
	for (i = 0; i < LL_CF_MAX; i++)
		c->allow[i] = -1;
	c->from_rule = c->until_rule = -1;
	while ((n = getline(&line, &cap, fp)) != -1) {
		ld.line++;
		if (memchr(line, '\0', (size_t)n) != NULL)
			bad(&ld, "NUL byte");
		if ((nw = words(line, &w, &wcap)) > 0)
			parse_line(c, &ld, w, nw);
	}
	if (ferror(fp) || fclose(fp) == EOF)
		err(LL_EXIT_IO, "%s", path);
	free(line);
	free(w);
	ld.line = 0;
	if (c->nrules == 0)
		bad(&ld, "no rules: an empty controls file would allow "
		    "everything");
	if (c->from_rule >= 0 && c->until_rule >= 0 &&
	    strcmp(c->from, c->until) > 0)
		bad(&ld, "'from %s' is after 'until %s'", c->from, c->until);
	if (c->until_rule >= 0) {
		ll_isotime_parse(c->until, 10, &ms);
		ll_isotime_day(ms + 86400000LL, c->until_next);
	}
	for (i = 0; i < c->nrules; i++) {
		ll_strset_sort(&c->rules[i].exact);
		ll_strset_sort(&c->rules[i].prefix);
	}
	cp = ll_source_cpaths(&c->npaths);
	c->paths = xcalloc(c->npaths, sizeof(*c->paths));
	for (i = 0; i < c->npaths; i++)
		if (ll_path_parse(&c->paths[i], cp[i].path, &why) == -1)
			errx(LL_EXIT_IO, "%s: %s", cp[i].path, why);
	return c;
}

void
ll_controls_free(struct ll_controls *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nrules; i++) {
		free(c->rules[i].label);
		ll_strset_free(&c->rules[i].exact);
		ll_strset_free(&c->rules[i].prefix);
	}
	for (i = 0; i < c->npaths; i++)
		ll_path_free(&c->paths[i]);
	free(c->paths);
	free(c->rules);
	free(c);
}

size_t
ll_controls_nrules(const struct ll_controls *c)
{
	return c->nrules;
}

/* "FILE:LINE: deny account", naming rule I for --stats and messages. */
const char *
ll_controls_rule(const struct ll_controls *c, size_t i)
{
	return c->rules[i].label;
}

static int
matches(const struct rule *r, const char *v, size_t n)
{
	size_t i;

	if (ll_strset_has(&r->exact, v, n))
		return 1;
	for (i = 0; i < r->prefix.n; i++)
		if (r->prefix.v[i].len <= n &&
		    memcmp(r->prefix.v[i].s, v, r->prefix.v[i].len) == 0)
			return 1;
	return 0;
}

/*
 * Returns -1 if the controls let the record through, or the index of
 * the rule that removes it: deny lines first, in file order, then
 * allow lists, then the window of days.  An object's delivery day
 * may hold events of the day before, so for those the window ends a
 * day later.
 */
int
ll_controls_check(const struct ll_controls *c, const struct ll_crecord *rec)
{
	const struct rule *r;
	size_t i;
	int pass, f, day = day_field();

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < c->nrules; i++) {
			r = &c->rules[i];
			if (r->action != (pass == 0 ? A_DENY : A_ALLOW) ||
			    rec->val[r->field] == NULL)
				continue;
			f = r->field;
			if (matches(r, rec->val[f], rec->len[f]) == (pass == 0))
				return (int)i;
		}
	}
	if (rec->val[day] == NULL)
		return -1;
	if (c->from_rule >= 0 && strcmp(rec->val[day], c->from) < 0)
		return c->from_rule;
	if (c->until_rule >= 0 && strcmp(rec->val[day], rec->delivery ?
	    c->until_next : c->until) > 0)
		return c->until_rule;
	return -1;
}

void
ll_controls_rec_clear(struct ll_crecord *rec)
{
	int f;

	memset(rec, 0, sizeof(*rec));
	for (f = 0; f < LL_CF_MAX; f++)
		rec->src[f] = -1;
}

static enum ll_cvkind
kind_at(size_t src)
{
	size_t n;

	return ll_source_cpaths(&n)[src].kind;
}

/* The field that path SRC feeds, by index. */
static int
field_at(size_t src)
{
	const struct ll_cfield *const *cf;
	const struct ll_cpath *cp;
	size_t n, f;

	cp = ll_source_cpaths(&n);
	cf = ll_source_cfields(&n);
	for (f = 0; cf[f] != cp[src].field; f++)
		;
	return (int)f;
}

/* A preferred path, one earlier in ll_source_cpaths, keeps its value. */
static int
taken(const struct ll_crecord *rec, size_t src)
{
	int s = rec->src[field_at(src)];

	return s >= 0 && (size_t)s <= src;
}

static void
set(struct ll_crecord *rec, size_t src, const char *v, size_t n, int deliv)
{
	int f = field_at(src);

	rec->val[f] = v;
	rec->len[f] = n;
	rec->src[f] = (int)src;
	if (f == day_field())
		rec->delivery = deliv;
}

/* Records the string value of source SRC; values of the wrong shape
 * are ignored, as if the record did not carry the field. */
void
ll_controls_rec_string(struct ll_crecord *rec, size_t src, const char *v,
    size_t n)
{
	int64_t ms;

	if (taken(rec, src))
		return;
	switch (kind_at(src)) {
	case LL_CV_TEXT:
		set(rec, src, v, n, 0);
		break;
	case LL_CV_DAY:
		if (!ll_isotime_day_valid(v, n))
			break;
		memcpy(rec->day, v, 10);
		rec->day[10] = '\0';
		set(rec, src, rec->day, 10, 1);
		break;
	case LL_CV_TIME:
		if (ll_isotime_parse(v, n, &ms) == 0 &&
		    ll_isotime_day(ms, rec->day) == 0)
			set(rec, src, rec->day, 10, 0);
		break;
	}
}

/* A number is an event time in epoch milliseconds, or not a value. */
void
ll_controls_rec_number(struct ll_crecord *rec, size_t src, double v)
{
	if (taken(rec, src) || kind_at(src) != LL_CV_TIME ||
	    !(v > -1e15 && v < 1e15))
		return;
	if (ll_isotime_day((int64_t)v, rec->day) == 0)
		set(rec, src, rec->day, 10, 0);
}

/* Applies the controls to a parsed record: -1 or a rule index. */
int
ll_controls_test(const struct ll_controls *c, json_t *j)
{
	struct ll_crecord rec;
	json_t *v;
	size_t i;

	ll_controls_rec_clear(&rec);
	for (i = 0; i < c->npaths; i++) {
		v = ll_path_get(&c->paths[i], j);
		if (json_is_string(v))
			ll_controls_rec_string(&rec, i, json_string_value(v),
			    json_string_length(v));
		else if (json_is_number(v))
			ll_controls_rec_number(&rec, i, json_number_value(v));
	}
	return ll_controls_check(c, &rec);
}

/*
 * Checks one value, for pruning before records exist: 1 if the
 * controls allow it, 0 if not, -1 if FIELD is not a controls field.
 * A "day" is the UTC day an object was delivered (from its key).
 */
int
ll_controls_allows(const struct ll_controls *c, const char *field,
    const char *value)
{
	struct ll_crecord rec;
	size_t i, n;
	int f;

	if ((f = field_of(field)) < 0)
		return -1;
	ll_controls_rec_clear(&rec);
	(void)ll_source_cpaths(&n);
	for (i = 0; i < n; i++)
		if (field_at(i) == f)
			break;
	if (i == n)
		return 1;	/* no record carries it */
	ll_controls_rec_string(&rec, i, value, strlen(value));
	return ll_controls_check(c, &rec) < 0;
}
