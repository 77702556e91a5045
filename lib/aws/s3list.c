/*
 * ListObjectsV2 and error documents through expat.  expat is a push
 * parser, so a page is parsed while it downloads; the entries are
 * kept (a page holds at most a thousand) because S3 may name the
 * key encoding after the keys.  Text is capped per element, entries
 * per page, and a DOCTYPE stops the parse: a server's answer is data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "aws/s3list.h"
#include "xalloc.h"

#define MAXTEXT		(64 * 1024)
#define MAXENTRIES	100000
#define MAXDEPTH	3

enum elem {
	E_NONE, E_ROOT_LIST, E_ROOT_ERROR, E_CONTENTS, E_PREFIXES,
	E_KEY, E_SIZE, E_ETAG, E_MTIME, E_PREFIX, E_TRUNCATED, E_TOKEN,
	E_ENCODING, E_CODE, E_MESSAGE
};

struct rec {
	size_t		 key, keylen;	/* offsets into the arena */
	size_t		 etag, mtime;	/* (size_t)-1 when absent */
	long long	 size;
};

struct ll_s3list {
	XML_Parser	 xp;
	enum elem	 stack[MAXDEPTH + 1];
	int		 depth;		/* may exceed MAXDEPTH */
	char		*text;		/* text of the current leaf */
	size_t		 textlen;
	int		 capture;
	char		*arena;
	size_t		 alen, asize;
	struct rec	*objs, *pfx;
	size_t		 nobjs, npfx, objcap, pfxcap;
	struct rec	 cur;
	struct ll_s3obj	*view;
	int		 truncated, urlenc, finished;
	char		*token, *code, *message;
	char		 err[160];
};

static size_t
arena_add(struct ll_s3list *l, const char *s, size_t n)
{
	size_t off;

	if (l->alen + n + 1 > l->asize) {
		while (l->alen + n + 1 > l->asize)
			l->asize = l->asize == 0 ? 4096 : l->asize * 2;
		l->arena = xrealloc(l->arena, l->asize);
	}
	off = l->alen;
	memcpy(l->arena + off, s, n);
	l->arena[off + n] = '\0';
	l->alen += n + 1;
	return off;
}

static void
fail(struct ll_s3list *l, const char *msg)
{
	if (l->err[0] == '\0')
		snprintf(l->err, sizeof(l->err), "%s", msg);
	XML_StopParser(l->xp, XML_FALSE);
}

static enum elem
classify(enum elem parent, const char *name)
{
	static const struct {
		enum elem	 parent;
		const char	*name;
		enum elem	 e;
	} map[] = {
		{ E_NONE, "ListBucketResult", E_ROOT_LIST },
		{ E_NONE, "Error", E_ROOT_ERROR },
		{ E_ROOT_LIST, "Contents", E_CONTENTS },
		{ E_ROOT_LIST, "CommonPrefixes", E_PREFIXES },
		{ E_ROOT_LIST, "IsTruncated", E_TRUNCATED },
		{ E_ROOT_LIST, "NextContinuationToken", E_TOKEN },
		{ E_ROOT_LIST, "EncodingType", E_ENCODING },
		{ E_CONTENTS, "Key", E_KEY },
		{ E_CONTENTS, "Size", E_SIZE },
		{ E_CONTENTS, "ETag", E_ETAG },
		{ E_CONTENTS, "LastModified", E_MTIME },
		{ E_PREFIXES, "Prefix", E_PREFIX },
		{ E_ROOT_ERROR, "Code", E_CODE },
		{ E_ROOT_ERROR, "Message", E_MESSAGE },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].parent == parent && strcmp(map[i].name, name) == 0)
			return map[i].e;
	return E_NONE;
}

static void XMLCALL
on_start(void *arg, const XML_Char *name, const XML_Char **attrs)
{
	struct ll_s3list *l = arg;
	enum elem parent, e;

	(void)attrs;
	parent = l->depth == 0 ? E_NONE :
	    l->depth <= MAXDEPTH ? l->stack[l->depth - 1] : E_NONE;
	e = E_NONE;
	if (l->depth < MAXDEPTH && (l->depth == 0 || parent != E_NONE))
		e = classify(parent, name);
	/*
	 * The element is counted even when it fails the document: expat
	 * still reports the end of an empty one ("<x/>") after
	 * XML_StopParser(), and on_end() must find the depth it left
	 * (found by tests/fuzz/fuzz_s3list: depth -1 indexed the stack).
	 */
	if (l->depth == 0 && e == E_NONE)
		fail(l, "not a ListBucketResult or Error document");
	if (l->depth < MAXDEPTH)
		l->stack[l->depth] = e;
	l->depth++;
	if (e == E_CONTENTS) {
		memset(&l->cur, 0, sizeof(l->cur));
		l->cur.key = l->cur.etag = l->cur.mtime = (size_t)-1;
		l->cur.size = -1;
	}
	l->textlen = 0;
	l->capture = e >= E_KEY;
}

static void XMLCALL
on_text(void *arg, const XML_Char *s, int n)
{
	struct ll_s3list *l = arg;

	if (!l->capture || n <= 0)
		return;
	if (l->textlen + (size_t)n > MAXTEXT) {
		fail(l, "element text too long");
		return;
	}
	memcpy(l->text + l->textlen, s, (size_t)n);
	l->textlen += (size_t)n;
}

static int
parse_size(const char *s, size_t n, long long *v)
{
	size_t i;

	*v = 0;
	if (n == 0 || n > 18)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

static void
push(struct rec **a, size_t *n, size_t *cap, const struct rec *r)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		*a = xreallocarray(*a, *cap, sizeof(**a));
	}
	(*a)[(*n)++] = *r;
}

static void
leaf(struct ll_s3list *l, enum elem e)
{
	const char *t = l->text;
	size_t n = l->textlen;
	struct rec r;

	switch (e) {
	case E_KEY:
		l->cur.key = arena_add(l, t, n);
		l->cur.keylen = n;
		break;
	case E_SIZE:
		if (parse_size(t, n, &l->cur.size) == -1)
			fail(l, "bad object Size");
		break;
	case E_ETAG:
		if (n >= 2 && t[0] == '"' && t[n - 1] == '"') {
			t++;
			n -= 2;
		}
		l->cur.etag = arena_add(l, t, n);
		break;
	case E_MTIME:
		l->cur.mtime = arena_add(l, t, n);
		break;
	case E_PREFIX:
		memset(&r, 0, sizeof(r));
		r.key = arena_add(l, t, n);
		r.keylen = n;
		if (l->npfx >= MAXENTRIES)
			fail(l, "too many entries in one page");
		else
			push(&l->pfx, &l->npfx, &l->pfxcap, &r);
		break;
	case E_TRUNCATED:
		l->truncated = n == 4 && memcmp(t, "true", 4) == 0;
		break;
	case E_TOKEN:
		free(l->token);
		l->token = xstrndup(t, n);
		break;
	case E_ENCODING:
		l->urlenc = n == 3 && memcmp(t, "url", 3) == 0;
		break;
	case E_CODE:
		free(l->code);
		l->code = xstrndup(t, n);
		break;
	case E_MESSAGE:
		free(l->message);
		l->message = xstrndup(t, n);
		break;
	default:
		break;
	}
}

static void XMLCALL
on_end(void *arg, const XML_Char *name)
{
	struct ll_s3list *l = arg;
	enum elem e;

	(void)name;
	l->depth--;
	e = l->depth < MAXDEPTH ? l->stack[l->depth] : E_NONE;
	if (e >= E_KEY)
		leaf(l, e);
	else if (e == E_CONTENTS) {
		if (l->cur.key == (size_t)-1)
			fail(l, "Contents without a Key");
		else if (l->nobjs >= MAXENTRIES)
			fail(l, "too many entries in one page");
		else
			push(&l->objs, &l->nobjs, &l->objcap, &l->cur);
	}
	l->capture = 0;
	l->textlen = 0;
}

static void XMLCALL
on_doctype(void *arg, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal_subset)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	fail(arg, "DOCTYPE not allowed");
}

struct ll_s3list *
ll_s3list_new(void)
{
	struct ll_s3list *l;

	l = xcalloc(1, sizeof(*l));
	if ((l->xp = XML_ParserCreate(NULL)) == NULL) {
		free(l);
		return NULL;
	}
	l->text = xmalloc(MAXTEXT);
	XML_SetUserData(l->xp, l);
	XML_SetElementHandler(l->xp, on_start, on_end);
	XML_SetCharacterDataHandler(l->xp, on_text);
	XML_SetStartDoctypeDeclHandler(l->xp, on_doctype);
	return l;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes %XX and '+' (S3 writes a space as '+') in place. */
static int
urldecode(char *s, size_t *lenp)
{
	size_t i, o, n = *lenp;
	int hi, lo;

	for (i = o = 0; i < n; i++) {
		if (s[i] == '+')
			s[o++] = ' ';
		else if (s[i] != '%')
			s[o++] = s[i];
		else {
			if (i + 2 >= n)
				return -1;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			/*
			 * "%00" would put a NUL in a key, which no S3 key
			 * holds and the callers take for its end (found by
			 * tests/fuzz/fuzz_s3list).
			 */
			if (hi < 0 || lo < 0 || (hi | lo) == 0)
				return -1;
			s[o++] = (char)(hi << 4 | lo);
			i += 2;
		}
	}
	s[o] = '\0';
	*lenp = o;
	return 0;
}

static void
finish(struct ll_s3list *l)
{
	struct ll_s3obj *v;
	struct rec *r;
	size_t i;

	if (l->urlenc) {
		for (i = 0; i < l->nobjs; i++) {
			r = &l->objs[i];
			if (urldecode(l->arena + r->key, &r->keylen) == -1)
				goto bad;
		}
		for (i = 0; i < l->npfx; i++) {
			r = &l->pfx[i];
			if (urldecode(l->arena + r->key, &r->keylen) == -1)
				goto bad;
		}
	}
	l->view = xcalloc(l->nobjs + 1, sizeof(*l->view));
	for (i = 0; i < l->nobjs; i++) {
		r = &l->objs[i];
		v = &l->view[i];
		v->key = l->arena + r->key;
		v->keylen = r->keylen;
		v->size = r->size;
		v->etag = r->etag == (size_t)-1 ? NULL : l->arena + r->etag;
		v->mtime = r->mtime == (size_t)-1 ? NULL : l->arena + r->mtime;
	}
	return;
bad:
	snprintf(l->err, sizeof(l->err), "bad URL encoding in a key");
}

/*
 * Feeds N bytes; FINAL marks the end of the document.  Returns 0, or
 * -1 once the document is known to be bad (see ll_s3list_error).
 */
int
ll_s3list_feed(struct ll_s3list *l, const void *buf, size_t n, int final)
{
	const char *p = buf;
	size_t k;

	if (l->err[0] != '\0' || l->finished)
		return l->err[0] != '\0' ? -1 : 0;
	do {
		k = n > (1 << 20) ? (1 << 20) : n;
		if (XML_Parse(l->xp, p, (int)k, final && k == n) ==
		    XML_STATUS_ERROR) {
			if (l->err[0] == '\0')
				snprintf(l->err, sizeof(l->err),
				    "XML line %lu: %s",
				    (unsigned long)XML_GetCurrentLineNumber(
				    l->xp),
				    XML_ErrorString(XML_GetErrorCode(l->xp)));
			return -1;
		}
		p += k;
		n -= k;
	} while (n > 0);
	if (final) {
		l->finished = 1;
		finish(l);
	}
	return l->err[0] != '\0' ? -1 : 0;
}

const char *
ll_s3list_error(const struct ll_s3list *l)
{
	return l->err[0] != '\0' ? l->err : NULL;
}

size_t
ll_s3list_nobjects(const struct ll_s3list *l)
{
	return l->view != NULL ? l->nobjs : 0;
}

const struct ll_s3obj *
ll_s3list_object(const struct ll_s3list *l, size_t i)
{
	return &l->view[i];
}

size_t
ll_s3list_nprefixes(const struct ll_s3list *l)
{
	return l->view != NULL ? l->npfx : 0;
}

const char *
ll_s3list_prefix(const struct ll_s3list *l, size_t i, size_t *lenp)
{
	*lenp = l->pfx[i].keylen;
	return l->arena + l->pfx[i].key;
}

int
ll_s3list_truncated(const struct ll_s3list *l)
{
	return l->truncated;
}

const char *
ll_s3list_token(const struct ll_s3list *l)
{
	return l->token;
}

const char *
ll_s3list_code(const struct ll_s3list *l)
{
	return l->code;
}

const char *
ll_s3list_message(const struct ll_s3list *l)
{
	return l->message;
}

void
ll_s3list_free(struct ll_s3list *l)
{
	if (l == NULL)
		return;
	XML_ParserFree(l->xp);
	free(l->text);
	free(l->arena);
	free(l->objs);
	free(l->pfx);
	free(l->view);
	free(l->token);
	free(l->code);
	free(l->message);
	free(l);
}
