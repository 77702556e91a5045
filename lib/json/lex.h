/*
 * The JSON lexer: the one definition of a valid JSON token for the
 * whole toolkit.  Strings (strict UTF-8, the escapes of RFC 8259, \u
 * with surrogate pairs), numbers (RFC 8259 grammar) and the literals
 * true, false and null are read here; the scanners in this folder
 * (split.c streaming, jfind.c and jscan.c in memory) only add the
 * structure of objects and arrays on top.
 *
 * Each function reads from P up to END and returns the byte after
 * the token, or NULL with struct ll_lex saying why.  A string or a
 * literal cut off by END comes back as NULL with "more" set: a
 * streaming caller reads on and calls again from "unit"; an in-memory
 * caller reports "err".  A number keeps its state in the caller's
 * enum ll_lex_num instead, and ends at END if END comes first.
 */
#ifndef LL_JSON_LEX_H
#define LL_JSON_LEX_H

#include <stddef.h>

/* The type of a JSON value. */
enum ll_jtype {
	LL_JNONE,		/* absent */
	LL_JNULL,
	LL_JFALSE,
	LL_JTRUE,
	LL_JNUM,
	LL_JSTR,
	LL_JARR,
	LL_JOBJ
};

/* A value as a span of the record; strings keep their quotes. */
struct ll_jval {
	const char	*p;
	size_t		 n;
	int		 type;
	int		 esc;		/* string holds backslash escapes */
};

enum ll_lex_err {
	LL_LEX_OK,
	LL_LEX_EOF,		/* the text ends inside a string */
	LL_LEX_CTRL,		/* a control byte in a string */
	LL_LEX_UTF8,		/* invalid UTF-8 in a string */
	LL_LEX_ESCAPE,		/* a backslash before a byte that is no escape */
	LL_LEX_HEX,		/* \u without four hex digits */
	LL_LEX_SURROGATE,	/* an unpaired UTF-16 surrogate */
	LL_LEX_NUMBER,		/* against the number grammar */
	LL_LEX_LITERAL		/* not true, false or null */
};

/*
 * Why a token failed.  "at" is the first byte that cannot belong to it
 * (END when the text ran out); "unit" is where the escape, character
 * or literal holding that byte begins, and where a caller with more
 * text resumes a string ("more" set).
 */
struct ll_lex {
	enum ll_lex_err	 err;
	int		 more;
	const char	*at;
	const char	*unit;
	int		 esc;		/* the string holds escapes */
	int		 nul;		/* one of them is \u0000 */
};

/* Number states; the number may end in LL_NUM_ZERO, _INT, _FRAC, _EXP. */
enum ll_lex_num {
	LL_NUM_START, LL_NUM_MINUS, LL_NUM_ZERO, LL_NUM_INT, LL_NUM_DOT,
	LL_NUM_FRAC, LL_NUM_E, LL_NUM_ESIGN, LL_NUM_EXP
};

#define LL_LEX_NUM_DONE(st)	((st) == LL_NUM_ZERO || (st) == LL_NUM_INT || \
    (st) == LL_NUM_FRAC || (st) == LL_NUM_EXP)

const char	*ll_lex_plain(const char *, const char *);
const char	*ll_lex_string(const char *, const char *, struct ll_lex *);
const char	*ll_lex_number(const char *, const char *, enum ll_lex_num *,
		    struct ll_lex *);
const char	*ll_lex_literal(const char *, const char *, enum ll_jtype *,
		    struct ll_lex *);
size_t		 ll_lex_utf8(const char *, const char *);
int		 ll_lex_hex4(const char *, unsigned *);

#endif
