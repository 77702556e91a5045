/*
 * Tests are compiled once: a VALUE becomes a set of strings, a list
 * of numbers, a regular expression, or a number or time to compare
 * with.  Positive tests of the kinds =, in, ^= and ~ on one path merge
 * into one test that holds when any of them does, which is how a
 * repeated -w reads ("eventName is this or that"); every other test
 * stands alone, and all tests must hold.
 */
#define _GNU_SOURCE	/* memmem */
#include <err.h>
#include <errno.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isotime.h"
#include "ll.h"
#include "tests.h"
#include "strset.h"
#include "xalloc.h"

enum op { OP_ANY, OP_LT, OP_LE, OP_GT, OP_GE, OP_EXISTS };

struct ll_test {
	char		*label;
	size_t		 path;
	enum op		 op;
	int		 neg;
	/* OP_ANY: the alternatives */
	struct ll_strset eq;
	double		*num;		/* members of eq that are numbers */
	size_t		 nnum;
	struct ll_strset prefix;
	regex_t		*re;
	size_t		 nre;
	/* comparisons */
	int		 is_time;
	double		 limit;		/* a number, or a time in ms */
};

static int
same_path(const struct ll_path *a, const struct ll_path *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->seglen[i] != b->seglen[i] ||
		    memcmp(a->seg[i], b->seg[i], a->seglen[i]) != 0)
			return 0;
	return 1;
}

/* Adds a copy of P unless an equal path is there; returns its index. */
size_t
ll_tests_pathset_add(struct ll_pathset *ps, const struct ll_path *p)
{
	const char *why;
	size_t i;

	for (i = 0; i < ps->n; i++)
		if (same_path(&ps->p[i], p))
			return i;
	ps->p = xreallocarray(ps->p, ps->n + 1, sizeof(*ps->p));
	if (ll_path_parse(&ps->p[ps->n], p->text, &why) == -1)
		errx(LL_EXIT_IO, "%s: %s", p->text, why);
	return ps->n++;
}

void
ll_tests_pathset_free(struct ll_pathset *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		ll_path_free(&ps->p[i]);
	free(ps->p);
	memset(ps, 0, sizeof(*ps));
}

/*
 * A whole string that is a number as JSON writes one, without the
 * rule against leading zeros; strtod(3) alone would take "0x1A",
 * " 5" and "inf" as well.
 */
static int
number(const char *s, size_t n, double *d)
{
	char buf[64], *end;
	size_t i = 0;

#define DIGITS()	do {						\
	if (i == n || s[i] < '0' || s[i] > '9')			\
		return -1;						\
	while (i < n && s[i] >= '0' && s[i] <= '9')			\
		i++;							\
} while (0)
	if (n >= sizeof(buf))
		return -1;
	if (i < n && s[i] == '-')
		i++;
	DIGITS();
	if (i < n && s[i] == '.') {
		i++;
		DIGITS();
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		DIGITS();
	}
#undef DIGITS
	if (i != n)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	*d = strtod(buf, &end);
	return *end == '\0' && errno != ERANGE && isfinite(*d) ? 0 : -1;
}

static void
add_eq(struct ll_test *t, const char *v, size_t n)
{
	double d;

	ll_strset_add(&t->eq, v, n);
	if (number(v, n, &d) == 0) {
		t->num = xreallocarray(t->num, t->nnum + 1, sizeof(*t->num));
		t->num[t->nnum++] = d;
	}
}

/* "in a,b,c", or "in @FILE" with one value a line. */
static int
add_list(struct ll_test *t, const char *v, const char **why)
{
	FILE *fp;
	char *line = NULL;
	const char *c;
	size_t cap = 0, before = t->eq.n;
	ssize_t n;

	if (*v != '@') {
		while ((c = strchr(v, ',')) != NULL) {
			add_eq(t, v, (size_t)(c - v));
			v = c + 1;
		}
		add_eq(t, v, strlen(v));
		return 0;
	}
	if ((fp = fopen(v + 1, "r")) == NULL)
		err(LL_EXIT_IO, "%s", v + 1);
	while ((n = getline(&line, &cap, fp)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (n > 0 && line[0] != '#')
			add_eq(t, line, (size_t)n);
	}
	if (ferror(fp) || fclose(fp) == EOF)
		err(LL_EXIT_IO, "%s", v + 1);
	free(line);
	if (t->eq.n == before) {
		*why = "the file lists no values";
		return -1;
	}
	return 0;
}

static int
add_regex(struct ll_test *t, const char *v, const char **why)
{
	static char msg[256];
	int r;

	t->re = xreallocarray(t->re, t->nre + 1, sizeof(*t->re));
	if ((r = regcomp(&t->re[t->nre], v, REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(r, &t->re[t->nre], msg, sizeof(msg));
		*why = msg;
		return -1;
	}
	t->nre++;
	return 0;
}

/* Where the path ends: at a blank or an operator outside quotes. */
static size_t
path_len(const char *s)
{
	size_t i;
	int q = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (q && s[i] == '\\' && s[i + 1] != '\0')
			i++;
		else if (s[i] == '"')
			q = !q;
		else if (!q && strchr(" \t=!<>^~", s[i]) != NULL)
			break;
	}
	return i;
}

static const char *
skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Reads the operator at *sp; returns its name in a fixed form or NULL. */
static const char *
read_op(const char **sp, int *neg)
{
	static const char *ops[] = {
		"==", "=", "^=", "~", "<=", "<", ">=", ">", "in", "exists",
		"missing"
	};
	const char *s = *sp;
	size_t i, n;

	*neg = *s == '!';
	if (*neg)
		s++;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		n = strlen(ops[i]);
		if (strncmp(s, ops[i], n) != 0)
			continue;
		/* Word operators end at a blank or the end. */
		if (ops[i][0] >= 'a' && s[n] != '\0' && s[n] != ' ' &&
		    s[n] != '\t')
			continue;
		*sp = s + n;
		return ops[i];
	}
	return NULL;
}

static int
compile(struct ll_test *t, const char *op, const char *v, const char **why)
{
	int64_t ms;

	if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
		add_eq(t, v, strlen(v));
	else if (strcmp(op, "in") == 0) {
		if (*v == '\0') {
			*why = "'in' needs a list: a,b,c or @FILE";
			return -1;
		}
		return add_list(t, v, why);
	} else if (strcmp(op, "^=") == 0)
		ll_strset_add(&t->prefix, v, strlen(v));
	else if (strcmp(op, "~") == 0)
		return add_regex(t, v, why);
	else if (strcmp(op, "exists") == 0 || strcmp(op, "missing") == 0) {
		t->op = OP_EXISTS;
		if (op[0] == 'm')
			t->neg = !t->neg;
		if (*v != '\0') {
			*why = "'exists' and 'missing' take no value";
			return -1;
		}
	} else {
		t->op = op[0] == '<' ? (op[1] == '=' ? OP_LE : OP_LT) :
		    (op[1] == '=' ? OP_GE : OP_GT);
		if (ll_isotime_parse(v, strlen(v), &ms) == 0) {
			t->is_time = 1;
			t->limit = (double)ms;
		} else if (number(v, strlen(v), &t->limit) == -1) {
			*why = "expected a number or an ISO-8601 time such as "
			    "2026-03-01T10:00:00Z";
			return -1;
		}
	}
	return 0;
}

static int
mergeable(const struct ll_test *t, const struct ll_test *nt)
{
	return t->path == nt->path && t->op == OP_ANY && nt->op == OP_ANY &&
	    !t->neg && !nt->neg;
}

/*
 * Adds the test TEXT, "PATH OP [VALUE]".  Returns 0, or -1 with *why
 * saying what is wrong; the caller is then expected to give up.
 */
int
ll_tests_add(struct ll_tests *ts, struct ll_pathset *ps, const char *text,
    const char **why)
{
	struct ll_test nt, *t;
	struct ll_path p;
	const char *s, *op;
	char *ptext;
	size_t i, n;
	int r;

	memset(&nt, 0, sizeof(nt));
	text = skip_blanks(text);
	n = path_len(text);
	ptext = xstrndup(text, n);
	r = ll_path_parse(&p, ptext, why);
	free(ptext);
	if (r == -1)
		return -1;
	nt.path = ll_tests_pathset_add(ps, &p);
	ll_path_free(&p);
	s = skip_blanks(text + n);
	if ((op = read_op(&s, &nt.neg)) == NULL) {
		*why = "expected an operator: =, !=, in, !in, ^=, ~, !~, <, "
		    "<=, >, >=, exists or missing";
		return -1;
	}
	if (strchr("<>", op[0]) != NULL)
		nt.op = OP_LT;		/* which one, compile() decides */
	else if (op[0] == 'e' || op[0] == 'm')
		nt.op = OP_EXISTS;
	s = skip_blanks(s);
	for (i = 0, t = NULL; i < ts->n && t == NULL; i++)
		if (mergeable(&ts->t[i], &nt))
			t = &ts->t[i];
	if (t == NULL) {
		ts->t = xreallocarray(ts->t, ts->n + 1, sizeof(*ts->t));
		t = &ts->t[ts->n++];
		*t = nt;
		t->label = xstrdup(text);
	} else {
		ptext = t->label;
		t->label = xasprintf("%s or %s", ptext, text);
		free(ptext);
	}
	return compile(t, op, s, why);
}

/*
 * The value a scanner span stands for.  Strings with escapes are
 * decoded into *buf, grown as needed; others point into the record.
 */
void
ll_tests_val_span(struct ll_val *v, const struct ll_jspan *sp, char **buf,
    size_t *size)
{
	char num[64], *p;

	v->type = sp->type;
	v->s = sp->p;
	v->len = sp->len;
	v->num = 0;
	if (sp->type == LL_JF_STRING && sp->esc) {
		if (sp->len > *size) {
			free(*buf);
			*size = sp->len;
			*buf = xmalloc(*size);
		}
		v->len = ll_json_unescape(*buf, sp->p, sp->len);
		v->s = *buf;
	} else if (sp->type == LL_JF_NUMBER) {
		p = sp->len < sizeof(num) ? num : xmalloc(sp->len + 1);
		memcpy(p, sp->p, sp->len);
		p[sp->len] = '\0';
		v->num = strtod(p, NULL);
		if (p != num)
			free(p);
	}
}

/* The value a jansson node (or NULL, for none) stands for. */
void
ll_tests_val_json(struct ll_val *v, json_t *j)
{
	memset(v, 0, sizeof(*v));
	if (j == NULL)
		v->type = LL_JF_ABSENT;
	else if (json_is_string(j)) {
		v->type = LL_JF_STRING;
		v->s = json_string_value(j);
		v->len = json_string_length(j);
	} else if (json_is_number(j)) {
		v->type = LL_JF_NUMBER;
		v->num = json_number_value(j);
	} else
		v->type = json_is_object(j) ? LL_JF_OBJECT : json_is_array(j) ?
		    LL_JF_ARRAY : json_is_true(j) ? LL_JF_TRUE :
		    json_is_false(j) ? LL_JF_FALSE : LL_JF_NULL;
}

/* Sorts the value sets; call once after the last ll_tests_add(). */
void
ll_tests_done(struct ll_tests *ts)
{
	size_t i;

	for (i = 0; i < ts->n; i++)
		ll_strset_sort(&ts->t[i].eq);
}

static int
regex_match(struct ll_tests *ts, const regex_t *re, const char *s,
    size_t n)
{
	regmatch_t m[1];

	if (n + 1 > ts->bufsize) {
		free(ts->buf);
		ts->bufsize = n + 1;
		ts->buf = xmalloc(ts->bufsize);
	}
	memcpy(ts->buf, s, n);
	ts->buf[n] = '\0';
#ifdef REG_STARTEND
	m[0].rm_so = 0;
	m[0].rm_eo = (regoff_t)n;
	return regexec(re, ts->buf, 1, m, REG_STARTEND) == 0;
#else
	(void)m;
	return regexec(re, ts->buf, 0, NULL, 0) == 0;
#endif
}

static int
any_of(struct ll_tests *ts, const struct ll_test *t, const struct ll_val *v)
{
	static const char *const lit[] = {
		[LL_JF_NULL] = "null", [LL_JF_FALSE] = "false",
		[LL_JF_TRUE] = "true"
	};
	const struct ll_str *pre;
	size_t i;

	switch (v->type) {
	case LL_JF_STRING:
		if (ll_strset_has(&t->eq, v->s, v->len))
			return 1;
		for (i = 0; i < t->prefix.n; i++) {
			pre = &t->prefix.v[i];
			if (pre->len <= v->len &&
			    memcmp(pre->s, v->s, pre->len) == 0)
				return 1;
		}
		for (i = 0; i < t->nre; i++)
			if (regex_match(ts, &t->re[i], v->s, v->len))
				return 1;
		return 0;
	case LL_JF_NUMBER:
		for (i = 0; i < t->nnum; i++)
			if (t->num[i] == v->num)
				return 1;
		return 0;
	case LL_JF_NULL:
	case LL_JF_FALSE:
	case LL_JF_TRUE:
		return ll_strset_has(&t->eq, lit[v->type],
		    strlen(lit[v->type]));
	default:
		return 0;
	}
}

/*
 * A comparison: with a time, a string must be an ISO-8601 time and a
 * number is epoch milliseconds (CloudWatch "timestamp"); with a plain
 * number, a number or a string holding one.
 */
static int
compare(const struct ll_test *t, const struct ll_val *v)
{
	int64_t ms;
	double x;

	if (v->type == LL_JF_NUMBER)
		x = v->num;
	else if (v->type != LL_JF_STRING)
		return 0;
	else if (t->is_time) {
		if (ll_isotime_parse(v->s, v->len, &ms) == -1)
			return 0;
		x = (double)ms;
	} else if (number(v->s, v->len, &x) == -1)
		return 0;
	switch (t->op) {
	case OP_LT:
		return x < t->limit;
	case OP_LE:
		return x <= t->limit;
	case OP_GT:
		return x > t->limit;
	default:
		return x >= t->limit;
	}
}

/*
 * VALS holds the value at each path of the path set.  Returns -1 if
 * every test holds, or the index of the first one that does not.
 */
int
ll_tests_eval(struct ll_tests *ts, const struct ll_val *vals)
{
	const struct ll_test *t;
	const struct ll_val *v;
	size_t i;
	int r;

	for (i = 0; i < ts->n; i++) {
		t = &ts->t[i];
		v = &vals[t->path];
		if (t->op == OP_EXISTS)
			r = v->type != LL_JF_ABSENT;
		else if (t->op == OP_ANY)
			r = any_of(ts, t, v);
		else
			r = compare(t, v);
		if (r == t->neg)
			return (int)i;
	}
	return -1;
}

const char *
ll_tests_label(const struct ll_tests *ts, size_t i)
{
	return ts->t[i].label;
}

void
ll_tests_free(struct ll_tests *ts)
{
	struct ll_test *t;
	size_t i, j;

	for (i = 0; i < ts->n; i++) {
		t = &ts->t[i];
		free(t->label);
		ll_strset_free(&t->eq);
		ll_strset_free(&t->prefix);
		free(t->num);
		for (j = 0; j < t->nre; j++)
			regfree(&t->re[j]);
		free(t->re);
	}
	free(ts->t);
	free(ts->buf);
	memset(ts, 0, sizeof(*ts));
}
