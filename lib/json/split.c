/*
 * The splitter's scanner is a driver on the lexer (lex.c) whose whole
 * state lives in struct split, so it can stop at the end of any read
 * and resume after the buffer is refilled: structure goes byte by
 * byte; a string cut off by the end of the buffer is read again from
 * its last whole character or escape, a literal from its start, and a
 * number goes on from the lexer's state.  Offsets are absolute (from
 * the start of the decoded input) so that dropping consumed bytes
 * from the front of the buffer changes only "base".
 *
 * On invalid JSON the damaged bytes go to --reject and scanning
 * resumes at the next place a document plausibly starts: a "{" at the
 * start of a line or right after a "}" (the Firehose "}{" seam).
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/out.h"
#include "json/json.h"
#include "json/lex.h"
#include "json/split.h"
#include "ll.h"
#include "xalloc.h"

/* The fuzz build shrinks the buffer so that small inputs cross its edges. */
#ifdef LL_FUZZ
#define CHUNK		4096
#else
#define CHUNK		(1 << 20)
#endif
#define MAX_RETRIES	64
#define MAX_DEPTH	2048	/* jansson's nesting limit */
#define MAX_DIGITS	309	/* shorter, no exponent: within a double */

/* In a token: S_STRING to S_LITERAL. */
enum state {
	S_TOP, S_DONE, S_VALUE, S_VALUE_OR_CLOSE, S_KEY_OR_CLOSE, S_KEY,
	S_COLON, S_AFTER, S_STRING, S_NUMBER, S_LITERAL, S_RESYNC
};

/* The lexer's errors in the words ll-splitjson has always used. */
static const char *const lexmsg[] = {
	[LL_LEX_CTRL] = "control character in string",
	[LL_LEX_UTF8] = "invalid UTF-8 in string",
	[LL_LEX_ESCAPE] = "invalid escape in string",
	[LL_LEX_HEX] = "invalid \\u escape",
	[LL_LEX_SURROGATE] = "unpaired UTF-16 surrogate",
	[LL_LEX_NUMBER] = "invalid number",
	[LL_LEX_LITERAL] = "invalid literal",
};

struct split {
	const struct ll_split_opts *o;
	struct ll_input	*in;
	const char	*name;
	char		*srcq;		/* "field":"input name" */
	unsigned char	*buf;
	size_t		 size, len, pos;
	uint64_t	 base;		/* offset of buf[0] */
	int		 eof;
	uint64_t	 line, line_doc;
	enum state	 st;
	enum ll_lex_num	 num;
	int		 is_key;
	unsigned char	*stack;
	size_t		 depth, cap;
	uint64_t	 tok_start, ws;
	int		 in_doc, in_elem, target, found, bad_path;
	uint64_t	 doc_start, doc_ws, elem_start, elem_ws;
	size_t		 k;		/* explode path length */
	unsigned char	*on;		/* container d lies on the path */
	int		 key_on, key_keep;
	unsigned char	*has;		/* record already has field i */
	char		**keepval;
	size_t		 nkept;
	int		 kv_idx;
	uint64_t	 kv_start;
	FILE		*pending;
	uint64_t	 rej_from, errpos, errmax;
	uintmax_t	 records_before;	/* documents when this input began */
	const char	*errmsg;
	int		 retries, loose, stop, oversize;
	unsigned char	 prevc;
	char		*rec;
	size_t		 reclen, recsize;
	char		*spare;		/* the other record buffer */
	size_t		 sparesize;
	char		*tmp;		/* an element whose fields are replaced */
	size_t		 tmpsize;
	char		*key;		/* a key with escapes, decoded */
	size_t		 keysize;
	uintmax_t	*docs;
	/* For a consumer (o->look): the record's shape and watched fields. */
	struct ll_split_look lk;
	uint64_t	 elem_line;
	int		 odd;		/* not "plain": see split.h */
	int		 tok_esc;	/* the string token holds escapes */
	int		 watch_key;	/* watched key just read, or -1 */
	int		 wv_idx;	/* watched value being read, or -1 */
	uint64_t	 wv_start;
	uint64_t	*wstart, *wend;	/* per watched key; wend 0: absent */
	size_t		*wlen;
	uint64_t	 wmask;		/* lengths % 64 of watched keys */
};

static const unsigned char wsp[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1
};

static void
rec_add(struct split *s, const void *p, size_t n)
{
	if (s->reclen + n + 1 > s->recsize) {
		s->recsize = (s->reclen + n + 1) * 2;
		s->rec = xrealloc(s->rec, s->recsize);
	}
	memcpy(s->rec + s->reclen, p, n);
	s->reclen += n;
}

/*
 * The closing quote of the string whose contents start at P, or END:
 * the next quote with an even run of backslashes before it.  memchr
 * makes a string of hundreds of megabytes cost what copying it does.
 */
static const unsigned char *
close_quote(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q, *b;

	while (p < end && (q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		for (b = q; b > p && b[-1] == '\\'; b--)
			;
		if ((q - b) % 2 == 0)
			return q;
		p = q + 1;
	}
	return end;
}

/* Appends valid JSON without the whitespace outside strings. */
static void
rec_compact(struct split *s, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n, *q;

	while (p < end) {
		q = p;
		while (q < end && !wsp[*q] && *q != '"')
			q++;
		rec_add(s, p, (size_t)(q - p));
		if (q == end)
			break;
		if (*q != '"') {
			p = q + 1;
			continue;
		}
		p = close_quote(q + 1, end) + 1;
		if (p > end)
			p = end;
		rec_add(s, q, (size_t)(p - q));
	}
}

static const unsigned char *
at(const struct split *s, uint64_t off)
{
	return s->buf + (off - s->base);
}

/* The end of the string token starting at P (at its opening quote). */
static const char *
skip_string(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p + 1;

	return (const char *)close_quote(u, (const unsigned char *)end) + 1;
}

/*
 * The end of the compact JSON value at P.  Depth is a counter, not
 * recursion, so any nesting the scanner accepted is fine here.
 */
static const char *
skip_value(const char *p, const char *end)
{
	size_t depth = 0;

	do {
		if (*p == '"')
			p = skip_string(p, end);
		else if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			depth--;
			p++;
		} else if (depth > 0)
			p++;
		else
			while (p < end && *p != ',' && *p != '}' && *p != ']')
				p++;
	} while (depth > 0 && p < end);
	return p;
}

/*
 * The string token V..VEND is at the --parse path.  If it holds a
 * JSON object or array, that text, compacted but otherwise byte for
 * byte, replaces it.  jansson only validates: its limits (nesting past
 * 2048, numbers past a double, NUL in keys) keep the string as it is,
 * counted apart from text that is not JSON at all.
 */
static void
parse_splice(struct split *s, const char *v, const char *vend,
    const char **copied)
{
	json_error_t jerr;
	json_t *str, *inner;
	enum json_error_code c;

	str = json_loadb(v, (size_t)(vend - v), JSON_DECODE_ANY |
	    JSON_ALLOW_NUL, &jerr);
	if (!json_is_string(str)) {
		json_decref(str);
		return;
	}
	inner = json_loadb(json_string_value(str), json_string_length(str),
	    JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &jerr);
	if (inner == NULL) {
		c = json_error_code(&jerr);
		ll_count(c == json_error_stack_overflow ||
		    c == json_error_numeric_overflow ||
		    c == json_error_null_byte_in_key ? LL_R_PARSE_BEYOND_LIMITS :
		    LL_R_PARSE_NOT_JSON);
		json_decref(str);
		return;
	}
	json_decref(inner);
	rec_add(s, *copied, (size_t)(v - *copied));
	rec_compact(s, (const unsigned char *)json_string_value(str),
	    json_string_length(str));
	*copied = vend;
	json_decref(str);
}

/*
 * Looks for segment I of the --parse path in the object at P.  Keys
 * are compared as written, as --explode and --keep do; every field of
 * a repeated key is followed.  A value of another type than string at
 * the path is kept as it is and counted.
 */
static void
parse_walk(struct split *s, const char *p, const char *end, size_t i,
    const char **copied)
{
	const struct ll_path *path = &s->o->parse;
	const char *k, *v;
	size_t klen;

	for (p++; p < end && *p != '}'; p += *p == ',') {
		k = p + 1;
		p = skip_string(p, end);
		klen = (size_t)(p - 1 - k);
		v = ++p;
		p = skip_value(p, end);
		if (klen != path->seglen[i] || memcmp(k, path->seg[i], klen))
			continue;
		if (i + 1 < path->n && *v == '{')
			parse_walk(s, v, end, i + 1, copied);
		else if (i + 1 == path->n && *v == '"')
			parse_splice(s, v, p, copied);
		else if (i + 1 == path->n)
			ll_count(LL_R_PARSE_NOT_STRING);
	}
}

static void
put(struct split *s, const char *p, size_t n)
{
	if (s->o->record != NULL)
		s->o->record(s->o->arg, p, n, &s->lk);
	else
		ll_out_record(p, n);
}

/*
 * Writes one compact record, applying --parse.  The record may sit in
 * s->rec, so the rewritten one is built in the spare buffer.
 */
static void
output(struct split *s, const char *p, size_t n)
{
	const char *copied = p;
	char *t;
	size_t tsize;

	if (s->o->parse.n == 0 || p[0] != '{') {
		put(s, p, n);
		return;
	}
	t = s->rec;
	s->rec = s->spare;
	s->spare = t;
	tsize = s->recsize;
	s->recsize = s->sparesize;
	s->sparesize = tsize;
	s->reclen = 0;
	parse_walk(s, p, p + n, 0, &copied);
	if (copied == p)
		put(s, p, n);
	else {
		rec_add(s, copied, (size_t)(p + n - copied));
		put(s, s->rec, s->reclen);
	}
}

static int
keyeq(const unsigned char *k, size_t n, const char *want, size_t wn)
{
	return n == wn && memcmp(k, want, n) == 0;
}

/*
 * Is the key K (its body as written, N bytes) the field NAME?  Escapes
 * are decoded, so that "source\u005fobject" cannot pass for another
 * field than the one the splitter writes.
 */
static int
key_is(struct split *s, const unsigned char *k, size_t n, const char *name)
{
	if (memchr(k, '\\', n) == NULL)
		return keyeq(k, n, name, strlen(name));
	if (n > s->keysize) {
		s->keysize = n;
		s->key = xrealloc(s->key, n);
	}
	n = ll_json_unescape(s->key, (const char *)k, n);
	return keyeq((unsigned char *)s->key, n, name, strlen(name));
}

/* The field the splitter writes whose name is K: its index, or -1. */
static int
added(struct split *s, const unsigned char *k, size_t n)
{
	size_t i;

	for (i = 0; i < s->o->nkeep; i++)
		if (s->keepval[i] != NULL && key_is(s, k, n, s->o->keep[i]))
			return (int)i;
	if (s->srcq != NULL && key_is(s, k, n, s->o->source))
		return (int)s->o->nkeep;
	return -1;
}

static void
add_fields(struct split *s)
{
	size_t i;
	int first = 1;

	for (i = 0; i < s->o->nkeep; i++) {
		if (s->keepval[i] == NULL)
			continue;
		if (!first)
			rec_add(s, ",", 1);
		rec_add(s, s->keepval[i], strlen(s->keepval[i]));
		first = 0;
	}
	if (s->srcq != NULL) {
		if (!first)
			rec_add(s, ",", 1);
		rec_add(s, s->srcq, strlen(s->srcq));
	}
}

/*
 * The element holds a field the splitter writes: lineage is the
 * splitter's, so the element's own is left out, and reported when it
 * said something else.
 */
static void
emit_replacing(struct split *s, const unsigned char *p, size_t n,
    uint64_t line)
{
	const char *q, *end, *m, *want;
	char *t;
	size_t tsize, klen;
	int i, first;

	s->reclen = 0;
	rec_compact(s, p, n);
	t = s->tmp;
	s->tmp = s->rec;
	s->rec = t;
	tsize = s->tmpsize;
	s->tmpsize = s->recsize;
	s->recsize = tsize;
	end = s->tmp + s->reclen;
	s->reclen = 0;
	rec_add(s, "{", 1);
	add_fields(s);
	first = s->reclen == 1;
	for (q = s->tmp + 1; q < end && *q != '}'; q += *q == ',') {
		m = q;
		q = skip_string(q, end);
		klen = (size_t)(q - m - 2);
		q = skip_value(q + 1, end);
		if ((i = added(s, (const unsigned char *)m + 1, klen)) >= 0) {
			want = (size_t)i < s->o->nkeep ? s->keepval[i] :
			    s->srcq;
			if (strlen(want) == (size_t)(q - m) &&
			    memcmp(want, m, (size_t)(q - m)) == 0)
				continue;
			ll_warnx_at(s->name, line, "the record's own \"%s\" "
			    "is replaced by the %s", (size_t)i <
			    s->o->nkeep ? s->o->keep[i] : s->o->source,
			    (size_t)i < s->o->nkeep ? "document's" :
			    "input's name");
			ll_count(LL_R_FIELD_REPLACED);
			continue;
		}
		if (!first)
			rec_add(s, ",", 1);
		rec_add(s, m, (size_t)(q - m));
		first = 0;
	}
	rec_add(s, "}", 1);
	output(s, s->rec, s->reclen);
}

/* Lets the consumer see the record; 0 if it wants it dropped. */
static int
look(struct split *s, size_t n, int ws, int live)
{
	struct ll_split_look *lk = &s->lk;
	size_t i;

	lk->n = n;
	lk->line = live ? s->elem_line : s->line_doc;
	lk->plain = live && !ws && !s->odd;
	for (i = 0; i < s->o->nwatch; i++) {
		lk->watch[i].p = NULL;
		lk->watch[i].n = 0;
		if (lk->plain && s->wend[i] != 0) {
			lk->watch[i].p = (const char *)at(s, s->wstart[i]);
			lk->watch[i].n = s->wend[i] - s->wstart[i];
		}
	}
	return s->o->look == NULL || s->o->look(s->o->arg, lk);
}

/*
 * Builds the record: the fields the splitter adds first, then the
 * value itself.  LIVE: the value is the one just scanned (not parked).
 */
static void
emit(struct split *s, const unsigned char *p, size_t n, int ws,
    const unsigned char *has, int live)
{
	const unsigned char *body;
	size_t i;

	if (!look(s, n, ws, live))
		return;
	if (p[0] != '{' || (s->nkept == 0 && s->srcq == NULL)) {
		if (!ws) {
			output(s, (const char *)p, n);
			return;
		}
		s->reclen = 0;
		rec_compact(s, p, n);
		output(s, s->rec, s->reclen);
		return;
	}
	for (i = 0; i <= s->o->nkeep; i++)
		if (has[i] && (i < s->o->nkeep ? s->keepval[i] != NULL :
		    s->srcq != NULL)) {
			emit_replacing(s, p, n, s->lk.line);
			return;
		}
	s->reclen = 0;
	rec_add(s, "{", 1);
	add_fields(s);
	for (body = p + 1; wsp[*body]; body++)
		;
	if (s->reclen > 1 && *body != '}')
		rec_add(s, ",", 1);
	if (ws)
		rec_compact(s, body, n - (size_t)(body - p));
	else
		rec_add(s, body, n - (size_t)(body - p));
	output(s, s->rec, s->reclen);
}

/*
 * An element seen before every --keep field: park it in a temporary
 * file (flags, then the compact element) until the document ends.
 */
static void
park(struct split *s, const unsigned char *p, size_t n)
{
	size_t nf = s->o->nkeep + 1;

	if (s->pending == NULL && (s->pending = tmpfile()) == NULL)
		err(LL_EXIT_IO, "temporary file");
	s->reclen = 0;
	rec_compact(s, p, n);
	if (fwrite(s->has, 1, nf, s->pending) != nf ||
	    fwrite(s->rec, 1, s->reclen, s->pending) != s->reclen ||
	    fputc('\n', s->pending) == EOF)
		err(LL_EXIT_IO, "temporary file");
}

static void
unpark(struct split *s)
{
	size_t nf = s->o->nkeep + 1, cap = 0;
	char *line = NULL;
	ssize_t n;

	if (s->pending == NULL)
		return;
	rewind(s->pending);
	while ((n = getline(&line, &cap, s->pending)) > 0)
		emit(s, (unsigned char *)line + nf, (size_t)n - nf - 1, 0,
		    (unsigned char *)line, 0);
	if (ferror(s->pending))
		err(LL_EXIT_IO, "temporary file");
	free(line);
	fclose(s->pending);
	s->pending = NULL;
}

static void
reset_doc(struct split *s)
{
	size_t i;

	for (i = 0; i < s->o->nkeep; i++) {
		free(s->keepval[i]);
		s->keepval[i] = NULL;
	}
	s->nkept = 0;
	s->kv_idx = s->key_keep = -1;
	s->key_on = 0;
	s->in_doc = s->in_elem = s->target = s->found = s->bad_path = 0;
	s->oversize = 0;
	s->depth = 0;
}

/*
 * A record that outgrew --max-record-bytes is counted, not written.
 * refill() drops and reports one that outgrows the buffer; one that
 * ends within the buffer is caught here.
 */
static int
dropped(struct split *s, uint64_t start, uint64_t end)
{
	if (start >= s->base && end - start <= s->o->max_record)
		return 0;
	if (start >= s->base)
		ll_warnx_at(s->name, s->line, "byte %ju: record larger than "
		    "--max-record-bytes; skipped", (uintmax_t)start);
	ll_reject_end(LL_R_RECORD_TOO_LARGE);
	s->oversize = 0;
	return 1;
}

static void
doc_end(struct split *s, uint64_t end)
{
	const struct ll_split_opts *o = s->o;

	(*s->docs)++;
	if ((o->explode.n == 0 || !s->found) && dropped(s, s->doc_start, end))
		;
	else if (o->explode.n == 0)
		emit(s, at(s, s->doc_start), end - s->doc_start,
		    s->ws != s->doc_ws, s->has, 1);
	else if (!s->found) {
		ll_warnx_at(s->name, s->line_doc, "byte %ju: %s at %s; "
		    "document rejected", (uintmax_t)s->doc_start,
		    s->bad_path ? "value is not an array" : "no array",
		    o->explode.text);
		ll_reject(LL_R_NO_ARRAY_AT_PATH, at(s, s->doc_start),
		    end - s->doc_start);
	}
	unpark(s);
	reset_doc(s);
	s->retries = 0;
	s->st = o->single ? S_DONE : S_TOP;
}

static void
keep_capture(struct split *s, uint64_t end)
{
	const char *name = s->o->keep[s->kv_idx];

	s->reclen = 0;
	rec_add(s, "\"", 1);
	rec_add(s, name, strlen(name));
	rec_add(s, "\":", 2);
	rec_compact(s, at(s, s->kv_start), end - s->kv_start);
	rec_add(s, "", 1);
	if (s->keepval[s->kv_idx] == NULL)
		s->nkept++;
	free(s->keepval[s->kv_idx]);
	s->keepval[s->kv_idx] = xstrdup(s->rec);
	s->kv_idx = -1;
}

/* A value that sat in container DEPTH has ended just before END. */
static void
value_end(struct split *s, uint64_t end)
{
	size_t d = s->depth;

	if (d == 1 && s->kv_idx >= 0 && !dropped(s, s->kv_start, end))
		keep_capture(s, end);
	if (s->st == S_NUMBER && (s->num == LL_NUM_EXP ||
	    end - s->tok_start >= MAX_DIGITS))
		s->odd = 1;
	if (s->wv_idx >= 0 && d == (s->k > 0 ? s->k + 2 : 1)) {
		s->wstart[s->wv_idx] = s->wv_start;
		s->wend[s->wv_idx] = end;
		s->wv_idx = -1;
	}
	s->kv_idx = d == 1 ? -1 : s->kv_idx;
	if (s->in_elem && d == s->k + 1) {
		s->in_elem = 0;
		if (dropped(s, s->elem_start, end))
			;
		else if (s->nkept < s->o->nkeep)
			park(s, at(s, s->elem_start), end - s->elem_start);
		else
			emit(s, at(s, s->elem_start), end - s->elem_start,
			    s->ws != s->elem_ws, s->has, 1);
	}
	if (d == 0)
		doc_end(s, end);
	else
		s->st = S_AFTER;
}

static int
fail(struct split *s, size_t p, const char *msg)
{
	s->pos = p;
	s->errpos = s->base + p;
	s->errmsg = msg;
	return -1;
}

/* A record (document, or element with --explode) begins. */
static void
record_start(struct split *s)
{
	size_t i;

	s->elem_line = s->line;
	s->odd = 0;
	s->watch_key = s->wv_idx = -1;
	for (i = 0; i < s->o->nwatch; i++)
		s->wend[i] = 0;
}

/* Path bookkeeping for a value starting with C in container d. */
static void
value_path(struct split *s, size_t d, unsigned char c, uint64_t off)
{
	size_t k = s->k;

	if (s->watch_key >= 0) {
		s->wv_idx = s->watch_key;
		s->wv_start = off;
		s->watch_key = -1;
	}
	if (d == 0) {
		s->in_doc = 1;
		s->doc_start = off;
		s->doc_ws = s->ws;
		s->line_doc = s->line;
		memset(s->has, 0, s->o->nkeep + 1);
		if (k > 0)
			s->on[1] = c == '{';
		else
			record_start(s);
		return;
	}
	if (s->target && d == k + 1) {
		s->in_elem = 1;
		s->elem_start = off;
		s->elem_ws = s->ws;
		memset(s->has, 0, s->o->nkeep + 1);
		record_start(s);
	}
	if (d <= k && s->on[d] && s->key_on && s->stack[d - 1] == '{') {
		if (d < k)
			s->on[d + 1] = c == '{';
		else if (c == '[')
			s->target = s->found = 1;
		else
			s->bad_path = 1;
	} else if (d < k)
		s->on[d + 1] = 0;
	if (d == 1 && s->key_keep >= 0 && s->stack[0] == '{') {
		s->kv_idx = s->key_keep;
		s->kv_start = off;
	}
}

static int
push(struct split *s, unsigned char c)
{
	if (s->depth == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->stack = xrealloc(s->stack, s->cap);
	}
	s->stack[s->depth++] = c;
	if (s->depth >= MAX_DEPTH + (s->k > 0 ? s->k + 1 : 0))
		s->odd = 1;
	return 0;
}

static int
value_start(struct split *s, size_t p, unsigned char c)
{
	if (!((c >= '0' && c <= '9') || c == '{' || c == '[' || c == '"' ||
	    c == 't' || c == 'f' || c == 'n' || c == '-'))
		return fail(s, p, "expected a JSON value");
	value_path(s, s->depth, c, s->base + p);
	s->tok_start = s->base + p;
	switch (c) {
	case '{':
		push(s, c);
		s->st = S_KEY_OR_CLOSE;
		return 0;
	case '[':
		push(s, c);
		s->st = S_VALUE_OR_CLOSE;
		return 0;
	case '"':
		s->tok_esc = 0;
		s->is_key = 0;
		s->st = S_STRING;
		return 0;
	case 't':
	case 'f':
	case 'n':
		s->st = S_LITERAL;
		return 0;
	default:
		s->num = c == '-' ? LL_NUM_MINUS : c == '0' ? LL_NUM_ZERO :
		    LL_NUM_INT;
		s->st = S_NUMBER;
		return 0;
	}
}

/* A key has ended: does it lead on along the path, or name a field? */
static void
key_end(struct split *s, uint64_t end)
{
	const struct ll_split_opts *o = s->o;
	const unsigned char *kp;
	size_t n = end - s->tok_start - 2, d = s->depth, i;
	size_t recdepth = s->k > 0 ? s->k + 2 : 1;

	s->key_on = 0;
	s->key_keep = -1;
	if (s->tok_esc && (s->k > 0 ? s->in_elem : s->in_doc))
		s->odd = 1;
	/* A key dropped with an oversized record cannot be looked at. */
	if (s->tok_start < s->base)
		return;
	kp = at(s, s->tok_start + 1);
	s->key_on = d <= s->k && s->on[d] &&
	    keyeq(kp, n, o->explode.seg[d - 1], o->explode.seglen[d - 1]);
	s->key_keep = -1;
	for (i = 0; d == 1 && i < o->nkeep; i++)
		if (keyeq(kp, n, o->keep[i], strlen(o->keep[i])))
			s->key_keep = (int)i;
	if (d != recdepth || (s->k > 0 && !s->in_elem))
		return;
	if (s->wmask >> (n % 64) & 1)
		for (i = 0; i < o->nwatch; i++)
			if (keyeq(kp, n, o->watch[i], s->wlen[i]))
				s->watch_key = (int)i;
	for (i = 0; i < o->nkeep; i++)
		if (key_is(s, kp, n, o->keep[i]))
			s->has[i] = 1;
	if (o->source != NULL && key_is(s, kp, n, o->source))
		s->has[o->nkeep] = 1;
}

static int
close_container(struct split *s, size_t p, unsigned char c)
{
	if (s->stack[s->depth - 1] != (c == '}' ? '{' : '['))
		return fail(s, p, "mismatched closing bracket");
	s->depth--;
	if (s->target && s->depth == s->k)
		s->target = 0;
	value_end(s, s->base + p + 1);
	return 0;
}

/* Structural bytes between tokens. */
static int
structural(struct split *s, size_t p, unsigned char c)
{
	switch (s->st) {
	case S_TOP:
		if (s->depth == 0 && (c == '}' || c == ']'))
			return fail(s, p, "unexpected closing bracket");
		return value_start(s, p, c);
	case S_DONE:
		return fail(s, p, "data after the document");
	case S_VALUE_OR_CLOSE:
		if (c == ']')
			return close_container(s, p, c);
		/* FALLTHROUGH */
	case S_VALUE:
		return value_start(s, p, c);
	case S_KEY_OR_CLOSE:
		if (c == '}')
			return close_container(s, p, c);
		/* FALLTHROUGH */
	case S_KEY:
		if (c != '"')
			return fail(s, p, "expected a string key");
		s->tok_start = s->base + p;
		s->tok_esc = 0;
		s->is_key = 1;
		s->st = S_STRING;
		return 0;
	case S_COLON:
		if (c != ':')
			return fail(s, p, "expected ':'");
		s->st = S_VALUE;
		return 0;
	case S_AFTER:
		if (c == ',') {
			s->st = s->stack[s->depth - 1] == '{' ? S_KEY : S_VALUE;
			return 0;
		}
		if (c == '}' || c == ']')
			return close_container(s, p, c);
		return fail(s, p, "expected ',' or a closing bracket");
	default:
		return fail(s, p, "internal: bad state");
	}
}

static void
string_end(struct split *s, size_t p)
{
	if (s->is_key) {
		key_end(s, s->base + p);
		s->st = S_COLON;
	} else
		value_end(s, s->base + p);
}

/* Looks for the next place a document may start. */
static size_t
resync_scan(struct split *s, size_t p)
{
	unsigned char c, prev = s->prevc;
	const unsigned char *b = s->buf;

	for (; p < s->len; p++) {
		c = b[p];
		if ((c == '{' && (prev == '}' || prev == '\n' || s->loose)) ||
		    (c == '[' && (prev == '\n' || s->loose))) {
			ll_reject_bytes(at(s, s->rej_from),
			    s->base + p - s->rej_from);
			ll_reject_end(LL_R_INVALID_JSON);
			s->rej_from = s->base + p;
			s->st = S_TOP;
			break;
		}
		if (c == '\n')
			s->line++;
		prev = c;
	}
	s->prevc = prev;
	return p;
}

static int
lex_fail(struct split *s, const struct ll_lex *r)
{
	return fail(s, (size_t)(r->at - (const char *)s->buf), lexmsg[r->err]);
}

/*
 * The rest of a string from *PP.  Returns 1 when the buffer ends
 * inside it: *PP is then where to go on once more has been read.
 */
static int
string_token(struct split *s, size_t *pp)
{
	const char *b = (const char *)s->buf, *q;
	struct ll_lex r;

	q = ll_lex_string(b + *pp, b + s->len, &r);
	s->tok_esc |= r.esc;
	if (q == NULL) {
		if (!r.more)
			return lex_fail(s, &r);
		*pp = (size_t)(r.unit - b);
		return 1;
	}
	*pp = (size_t)(q - b);
	string_end(s, *pp);
	return 0;
}

/* The rest of a number from *PP; it ends at the first other byte. */
static int
number_token(struct split *s, size_t *pp)
{
	const char *b = (const char *)s->buf, *q;
	struct ll_lex r;

	if ((q = ll_lex_number(b + *pp, b + s->len, &s->num, &r)) == NULL)
		return lex_fail(s, &r);
	*pp = (size_t)(q - b);
	if (*pp < s->len)
		value_end(s, s->base + *pp);
	return 0;
}

/* A literal, read again from its start until all of it is buffered. */
static int
literal_token(struct split *s, size_t *pp)
{
	const char *b = (const char *)s->buf, *q;
	enum ll_jtype type;
	struct ll_lex r;

	q = ll_lex_literal((const char *)at(s, s->tok_start), b + s->len,
	    &type, &r);
	if (q == NULL) {
		if (!r.more)
			return lex_fail(s, &r);
		*pp = (size_t)(s->tok_start - s->base);
		return 1;
	}
	*pp = (size_t)(q - b);
	value_end(s, s->base + *pp);
	return 0;
}

/*
 * One step from *PP: a token, or a byte of structure.  Returns -1 on
 * invalid JSON, 1 when the buffered bytes end inside a token.
 */
static int
step(struct split *s, size_t *pp)
{
	size_t p = *pp;
	unsigned char c = s->buf[p];

	switch (s->st) {
	case S_STRING:
		return string_token(s, pp);
	case S_NUMBER:
		return number_token(s, pp);
	case S_LITERAL:
		return literal_token(s, pp);
	case S_RESYNC:
		*pp = resync_scan(s, p);
		return 0;
	default:
		*pp = p + 1;
		if (wsp[c]) {
			s->ws++;
			s->line += c == '\n';
			return 0;
		}
		return structural(s, p, c);
	}
}

/* Scans what is buffered; -1 on invalid JSON (errpos, errmsg set). */
static int
scan(struct split *s)
{
	size_t p = s->pos;
	int r;

	while (p < s->len)
		if ((r = step(s, &p)) != 0) {
			if (r < 0)
				return -1;
			break;
		}
	s->pos = p;
	return 0;
}

static uint64_t
count_nl(const struct split *s, uint64_t from, uint64_t to)
{
	const unsigned char *p = at(s, from), *end = at(s, to);
	uint64_t n = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

static uint64_t
max64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

/*
 * Reports the damage, keeps whatever good elements came before it,
 * and rewinds to just after the damaged document's start to look for
 * the next document (or, after many failed tries, past the furthest
 * error, so that hostile input cannot make the work quadratic).
 */
static void
recover(struct split *s)
{
	uint64_t e = s->errpos, end = s->base + s->len, from;
	ssize_t r;

	ll_warnx_at(s->name, s->line, "byte %ju: invalid JSON: %s",
	    (uintmax_t)e, s->errmsg);
	(*s->docs)++;
	unpark(s);
	s->errmax = max64(s->errmax, e);
	s->rej_from = s->in_doc ? max64(s->doc_start, s->base) : e;
	if (s->o->single) {
		/* The rest of the input belongs to the one bad document. */
		ll_reject_bytes(at(s, s->rej_from), end - s->rej_from);
		while (!s->eof && (r = ll_input_read(s->in, s->buf,
		    s->size)) > 0)
			ll_reject_bytes(s->buf, (size_t)r);
		ll_reject_end(LL_R_INVALID_JSON);
		s->stop = 1;
		return;
	}
	if (s->in_doc && s->retries < MAX_RETRIES)
		from = max64(s->doc_start + 1, s->base);
	else
		from = s->errmax + 1;
	if (from > end)
		from = end;
	if (from < e)
		s->line -= count_nl(s, from, e);
	else
		s->line += count_nl(s, e, from);
	s->loose = !s->in_doc;
	s->retries += s->in_doc;
	s->prevc = from > s->base ? *at(s, from - 1) : 0;
	reset_doc(s);
	s->pos = (size_t)(from - s->base);
	s->st = S_RESYNC;
}

static int
in_token(enum state st)
{
	return st >= S_STRING && st <= S_LITERAL;
}

/* Drops bytes nobody needs any more and reads the next chunk. */
static int
refill(struct split *s)
{
	uint64_t keep = s->base + s->pos;
	size_t drop;
	ssize_t r;

	if (s->st == S_RESYNC) {
		ll_reject_bytes(at(s, s->rej_from), keep - s->rej_from);
		s->rej_from = keep;
	} else {
		if (s->in_doc && (s->k == 0 || !s->found) &&
		    s->doc_start < keep)
			keep = s->doc_start;
		if (s->in_elem && s->elem_start < keep)
			keep = s->elem_start;
		if (s->kv_idx >= 0 && s->kv_start < keep)
			keep = s->kv_start;
		if (in_token(s->st) && s->tok_start < keep)
			keep = s->tok_start;
	}
	if (s->base + s->len - keep > s->o->max_record && s->st != S_RESYNC) {
		if (!s->oversize)
			ll_warnx_at(s->name, s->line, "byte %ju: record larger "
			    "than --max-record-bytes; skipped",
			    (uintmax_t)keep);
		s->oversize = 1;
		keep = s->base + s->pos;
		/* A literal is read again from its start: at most 4 bytes. */
		if (s->st == S_LITERAL && s->tok_start < keep)
			keep = s->tok_start;
	}
	drop = (size_t)(keep - s->base);
	memmove(s->buf, s->buf + drop, s->len - drop);
	s->base = keep;
	s->len -= drop;
	s->pos -= drop;
	if (s->size - s->len < CHUNK) {
		s->size = s->size * 2 > s->len + CHUNK ? s->size * 2 :
		    s->len + CHUNK;
		s->buf = xrealloc(s->buf, s->size);
	}
	if ((r = ll_input_read(s->in, s->buf + s->len, s->size - s->len)) <= 0)
		s->eof = 1;
	else
		s->len += (size_t)r;
	return 0;
}

static int
at_eof(struct split *s)
{
	switch (s->st) {
	case S_TOP:
		if (s->o->single && *s->docs == s->records_before)
			return fail(s, s->len, "no JSON document");
		return 0;
	case S_DONE:
		return 0;
	case S_RESYNC:
		ll_reject_bytes(at(s, s->rej_from),
		    s->base + s->len - s->rej_from);
		ll_reject_end(LL_R_INVALID_JSON);
		s->st = S_TOP;
		return 0;
	case S_NUMBER:
		if (s->depth == 0 && LL_LEX_NUM_DONE(s->num)) {
			value_end(s, s->base + s->len);
			return 0;
		}
		/* FALLTHROUGH */
	default:
		return fail(s, s->len, "unexpected end of input");
	}
}

static void
split_init(struct split *s, const struct ll_split_opts *o,
    struct ll_input *in, const char *source_name)
{
	char *q;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->o = o;
	s->in = in;
	s->name = ll_input_name(in);
	s->docs = o->docs != NULL ? o->docs : &ll_stats.records_in;
	s->records_before = *s->docs;
	s->line = 1;
	s->st = S_TOP;
	s->k = o->explode.n;
	s->on = xcalloc(s->k + 2, 1);
	s->has = xcalloc(o->nkeep + 1, 1);
	s->keepval = xcalloc(o->nkeep + 1, sizeof(*s->keepval));
	s->kv_idx = s->key_keep = -1;
	s->watch_key = s->wv_idx = -1;
	s->prevc = '\n';
	s->lk.name = s->name;
	s->lk.watch = xcalloc(o->nwatch + 1, sizeof(*s->lk.watch));
	s->wstart = xcalloc(o->nwatch + 1, sizeof(*s->wstart));
	s->wend = xcalloc(o->nwatch + 1, sizeof(*s->wend));
	s->wlen = xcalloc(o->nwatch + 1, sizeof(*s->wlen));
	for (i = 0; i < o->nwatch; i++) {
		s->wlen[i] = strlen(o->watch[i]);
		s->wmask |= (uint64_t)1 << (s->wlen[i] % 64);
	}
	if (o->source != NULL) {
		q = ll_json_quote(source_name, NULL);
		s->srcq = xasprintf("\"%s\":%s", o->source, q);
		free(q);
	}
	s->size = 4 * CHUNK;
	s->buf = xmalloc(s->size);
}

static void
split_free(struct split *s)
{
	reset_doc(s);
	if (s->pending != NULL)
		fclose(s->pending);
	free(s->on);
	free(s->has);
	free(s->keepval);
	free(s->srcq);
	free(s->buf);
	free(s->stack);
	free(s->rec);
	free(s->spare);
	free(s->tmp);
	free(s->key);
	free(s->lk.watch);
	free(s->wstart);
	free(s->wend);
	free(s->wlen);
}

void
ll_split(const struct ll_split_opts *o, struct ll_input *in,
    const char *source_name)
{
	struct split s;

	split_init(&s, o, in, source_name);
	while (!s.stop) {
		if (scan(&s) == 0) {
			if (!s.eof) {
				if (refill(&s) == 0)
					continue;
			} else if (at_eof(&s) == 0)
				break;
		}
		recover(&s);
	}
	split_free(&s);
}

/* A plain key name: it is written into the output between quotes. */
static void
check_name(const char *opt, const char *name)
{
	const char *c;

	if (*name == '\0')
		errx(LL_EXIT_USAGE, "%s: empty field name", opt);
	for (c = name; *c != '\0'; c++)
		if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20)
			errx(LL_EXIT_USAGE, "%s: %s: field names may not "
			    "hold quotes, backslashes or control characters",
			    opt, name);
}

void
ll_split_keep(struct ll_split_opts *o, const char *arg)
{
	char *copy, *f, *rest;

	copy = xstrdup(arg);
	for (rest = copy; (f = strsep(&rest, ",")) != NULL;) {
		check_name("--keep", f);
		o->keep = xreallocarray(o->keep, o->nkeep + 1,
		    sizeof(*o->keep));
		o->keep[o->nkeep++] = xstrdup(f);
	}
	free(copy);
}

void
ll_split_source(struct ll_split_opts *o, const char *arg)
{
	check_name("--source", arg);
	o->source = arg;
}

/* --keep needs --explode; each field the splitter writes is named once. */
void
ll_split_check(const struct ll_split_opts *o)
{
	size_t i, j;

	if (o->nkeep > 0 && o->explode.n == 0)
		errx(LL_EXIT_USAGE, "--keep needs --explode");
	for (i = 0; i < o->nkeep; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(o->keep[i], o->keep[j]) == 0)
				errx(LL_EXIT_USAGE, "--keep: %s: named twice",
				    o->keep[i]);
		if (o->source != NULL && strcmp(o->keep[i], o->source) == 0)
			errx(LL_EXIT_USAGE, "%s: both --keep and --source",
			    o->source);
	}
}

void
ll_split_opts_free(struct ll_split_opts *o)
{
	size_t i;

	for (i = 0; i < o->nkeep; i++)
		free(o->keep[i]);
	free(o->keep);
	ll_path_free(&o->explode);
	ll_path_free(&o->parse);
}
