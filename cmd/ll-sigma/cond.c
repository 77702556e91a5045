/*
 * A rule's condition, parsed by recursive descent into a tree of
 * and, or, not and references to detection identifiers:
 *
 *	expr	= term { "or" term }
 *	term	= factor { "and" factor }
 *	factor	= "not" factor | "(" expr ")" | quant | IDENT
 *	quant	= ( "1" | "all" ) "of" ( PATTERN | "them" )
 *
 * "1 of" and "all of" expand to an or or an and of the identifiers
 * that the pattern's '*' wildcards match ("them": every identifier
 * not starting with '_').  Aggregations ("| count() ...") and "near"
 * are refused by name.
 */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "xalloc.h"

#include "sigma.h"

#define MAXNEST	64

struct parser {
	struct rule	*r;
	const char	*p;		/* next unread character */
	char		 tok[256];	/* current token; "" at the end */
	char		*why;
	size_t		 whysize;
	int		 nest;
};

static int expr(struct parser *, size_t *);

static int LL_PRINTF(2, 3)
fail(struct parser *ps, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ps->why, ps->whysize, fmt, ap);
	va_end(ap);
	return -1;
}

/* Moves to the next token: "(", ")", "|", or a word. */
static void
next(struct parser *ps)
{
	size_t len, n;

	ps->p += strspn(ps->p, " \t\r\n");
	if (*ps->p == '(' || *ps->p == ')' || *ps->p == '|')
		len = 1;
	else
		len = strcspn(ps->p, " \t\r\n()|");
	n = len < sizeof(ps->tok) ? len : sizeof(ps->tok) - 1;
	memcpy(ps->tok, ps->p, n);
	ps->tok[n] = '\0';
	ps->p += len;
}

static int
is(const struct parser *ps, const char *word)
{
	return strcmp(ps->tok, word) == 0;
}

static size_t
node(struct rule *r, enum cop op, size_t a, size_t b)
{
	r->cond = xreallocarray(r->cond, r->ncond + 1, sizeof(*r->cond));
	r->cond[r->ncond].op = op;
	r->cond[r->ncond].a = a;
	r->cond[r->ncond].b = b;
	return r->ncond++;
}

/* "1 of PATTERN" or "all of PATTERN", the quantifier already read. */
static int
quant(struct parser *ps, int all, size_t *out)
{
	struct rule *r = ps->r;
	size_t i, ref;
	int them, found = 0;

	next(ps);
	if (!is(ps, "of"))
		return fail(ps, "invalid: condition: expected 'of' after "
		    "'%s'", all ? "all" : "1");
	next(ps);
	if (ps->tok[0] == '\0' || is(ps, "(") || is(ps, ")") || is(ps, "|"))
		return fail(ps, "invalid: condition: expected an identifier "
		    "or 'them' after 'of'");
	them = is(ps, "them");
	for (i = 0; i < r->nids; i++) {
		if (them ? r->ids[i].name[0] == '_' :
		    fnmatch(ps->tok, r->ids[i].name, FNM_NOESCAPE) != 0)
			continue;
		ref = node(r, C_REF, i, 0);
		*out = found++ ? node(r, all ? C_AND : C_OR, *out, ref) : ref;
	}
	if (!found)
		return fail(ps, "invalid: condition: '%s of %s' matches no "
		    "identifier", all ? "all" : "1", ps->tok);
	next(ps);
	return 0;
}

static int
factor(struct parser *ps, size_t *out)
{
	struct rule *r = ps->r;
	size_t i, a;

	if (++ps->nest > MAXNEST)
		return fail(ps, "invalid: condition nested too deeply");
	if (is(ps, "not")) {
		next(ps);
		if (factor(ps, &a) == -1)
			return -1;
		*out = node(r, C_NOT, a, 0);
	} else if (is(ps, "(")) {
		next(ps);
		if (expr(ps, out) == -1)
			return -1;
		if (!is(ps, ")"))
			return fail(ps, "invalid: condition: expected ')' "
			    "%s%s%s", ps->tok[0] ? "at '" : "at the end",
			    ps->tok, ps->tok[0] ? "'" : "");
		next(ps);
	} else if (is(ps, "1") || is(ps, "all")) {
		if (quant(ps, is(ps, "all"), out) == -1)
			return -1;
	} else if (ps->tok[0] >= '0' && ps->tok[0] <= '9' &&
	    strspn(ps->tok, "0123456789") == strlen(ps->tok))
		return fail(ps, "unsupported: '%s of' in the condition (only "
		    "'1 of' and 'all of')", ps->tok);
	else if (is(ps, "|"))
		return fail(ps, "unsupported: aggregation ('|%s') in the "
		    "condition", ps->p);
	else if (is(ps, "near"))
		return fail(ps, "unsupported: 'near' in the condition");
	else if (ps->tok[0] == '\0' || is(ps, ")") || is(ps, "and") ||
	    is(ps, "or") || is(ps, "of") || is(ps, "them"))
		return fail(ps, "invalid: condition: expected an identifier "
		    "%s%s%s", ps->tok[0] ? "at '" : "at the end", ps->tok,
		    ps->tok[0] ? "'" : "");
	else {
		for (i = 0; i < r->nids; i++)
			if (strcmp(r->ids[i].name, ps->tok) == 0)
				break;
		if (i == r->nids)
			return fail(ps, "invalid: condition names '%s', which "
			    "the detection does not define", ps->tok);
		*out = node(r, C_REF, i, 0);
		next(ps);
	}
	ps->nest--;
	return 0;
}

static int
term(struct parser *ps, size_t *out)
{
	size_t b;

	if (factor(ps, out) == -1)
		return -1;
	while (is(ps, "and")) {
		next(ps);
		if (factor(ps, &b) == -1)
			return -1;
		*out = node(ps->r, C_AND, *out, b);
	}
	return 0;
}

static int
expr(struct parser *ps, size_t *out)
{
	size_t b;

	if (term(ps, out) == -1)
		return -1;
	while (is(ps, "or")) {
		next(ps);
		if (term(ps, &b) == -1)
			return -1;
		*out = node(ps->r, C_OR, *out, b);
	}
	return 0;
}

/*
 * Parses TEXT into R's condition tree; *root is its top node.  On
 * failure WHY says what is wrong, starting "unsupported:" or
 * "invalid:".
 */
int
ll_cond_parse(struct rule *r, const char *text, size_t *root, char *why,
    size_t whysize)
{
	struct parser ps;

	memset(&ps, 0, sizeof(ps));
	ps.r = r;
	ps.p = text;
	ps.why = why;
	ps.whysize = whysize;
	next(&ps);
	if (expr(&ps, root) == -1)
		return -1;
	if (is(&ps, "|"))
		return fail(&ps, "unsupported: aggregation ('|%s') in the "
		    "condition", ps.p);
	if (is(&ps, "near"))
		return fail(&ps, "unsupported: 'near' in the condition");
	if (ps.tok[0] != '\0')
		return fail(&ps, "invalid: condition: unexpected '%s'",
		    ps.tok);
	return 0;
}
