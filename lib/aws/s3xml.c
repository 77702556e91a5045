/*
 * Answers are a few kilobytes (a page of ListMultipartUploads a few
 * hundred), so the document is parsed whole and its leaves kept as
 * name and text.  As in s3list.c, a DOCTYPE stops the parse and text
 * is capped per element: a server's answer is data.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "aws/s3xml.h"
#include "xalloc.h"

#define MAXTEXT		(64 * 1024)
#define MAXLEAVES	200000
#define NOITEM		((size_t)-1)

struct leaf {
	size_t		 item;		/* NOITEM: a child of the root */
	char		*name;
	char		*text;
};

struct item {
	char		*name;
	size_t		 first, n;	/* its leaves */
};

struct ll_s3xml {
	XML_Parser	 xp;
	int		 depth, bad;
	char		*root;
	char		*name2;		/* the open child of the root */
	size_t		 cur;		/* its item, or NOITEM */
	char		*name3;
	char		*text;
	size_t		 textlen;
	struct leaf	*leaf;
	size_t		 nleaf, leafcap;
	struct item	*item;
	size_t		 nitem, itemcap;
};

static void
stop(struct ll_s3xml *d)
{
	d->bad = 1;
	XML_StopParser(d->xp, XML_FALSE);
}

static void
add_leaf(struct ll_s3xml *d, size_t item, const char *name)
{
	struct leaf *l;

	if (d->nleaf >= MAXLEAVES) {
		stop(d);
		return;
	}
	if (d->nleaf == d->leafcap) {
		d->leafcap = d->leafcap == 0 ? 16 : d->leafcap * 2;
		d->leaf = xreallocarray(d->leaf, d->leafcap, sizeof(*d->leaf));
	}
	l = &d->leaf[d->nleaf++];
	l->item = item;
	l->name = xstrdup(name);
	l->text = xstrndup(d->text, d->textlen);
	if (item != NOITEM)
		d->item[item].n++;
}

/* The open child of the root turns out to have children: an item. */
static void
open_item(struct ll_s3xml *d)
{
	if (d->cur != NOITEM)
		return;
	if (d->nitem == d->itemcap) {
		d->itemcap = d->itemcap == 0 ? 16 : d->itemcap * 2;
		d->item = xreallocarray(d->item, d->itemcap, sizeof(*d->item));
	}
	d->cur = d->nitem++;
	d->item[d->cur].name = xstrdup(d->name2);
	d->item[d->cur].first = d->nleaf;
	d->item[d->cur].n = 0;
}

static void XMLCALL
on_start(void *arg, const XML_Char *name, const XML_Char **attrs)
{
	struct ll_s3xml *d = arg;

	(void)attrs;
	d->depth++;
	d->textlen = 0;
	switch (d->depth) {
	case 1:
		d->root = xstrdup(name);
		break;
	case 2:
		free(d->name2);
		d->name2 = xstrdup(name);
		d->cur = NOITEM;
		break;
	case 3:
		open_item(d);
		free(d->name3);
		d->name3 = xstrdup(name);
		break;
	default:
		break;
	}
}

static void XMLCALL
on_end(void *arg, const XML_Char *name)
{
	struct ll_s3xml *d = arg;

	(void)name;
	if (d->depth == 2 && d->cur == NOITEM)
		add_leaf(d, NOITEM, d->name2);
	else if (d->depth == 3)
		add_leaf(d, d->cur, d->name3);
	d->depth--;
	d->textlen = 0;
}

static void XMLCALL
on_text(void *arg, const XML_Char *s, int n)
{
	struct ll_s3xml *d = arg;

	if (d->depth < 2 || d->depth > 3 || n <= 0)
		return;
	if (d->textlen + (size_t)n > MAXTEXT) {
		stop(d);
		return;
	}
	memcpy(d->text + d->textlen, s, (size_t)n);
	d->textlen += (size_t)n;
}

static void XMLCALL
on_doctype(void *arg, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal_subset)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	stop(arg);
}

/* The document BUF, LEN bytes; NULL when it is not well-formed XML. */
struct ll_s3xml *
ll_s3xml_parse(const char *buf, size_t len)
{
	struct ll_s3xml *d;
	int ok;

	d = xcalloc(1, sizeof(*d));
	if ((d->xp = XML_ParserCreate(NULL)) == NULL) {
		free(d);
		return NULL;
	}
	d->text = xmalloc(MAXTEXT);
	XML_SetUserData(d->xp, d);
	XML_SetElementHandler(d->xp, on_start, on_end);
	XML_SetCharacterDataHandler(d->xp, on_text);
	XML_SetStartDoctypeDeclHandler(d->xp, on_doctype);
	ok = len <= INT32_MAX && XML_Parse(d->xp, buf, (int)len, 1) ==
	    XML_STATUS_OK && !d->bad && d->root != NULL;
	XML_ParserFree(d->xp);
	d->xp = NULL;
	if (!ok) {
		ll_s3xml_free(d);
		return NULL;
	}
	return d;
}

const char *
ll_s3xml_root(const struct ll_s3xml *d)
{
	return d->root;
}

/* The text of the root's child NAME, the first if several; or NULL. */
const char *
ll_s3xml_get(const struct ll_s3xml *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nleaf; i++)
		if (d->leaf[i].item == NOITEM &&
		    strcmp(d->leaf[i].name, name) == 0)
			return d->leaf[i].text;
	return NULL;
}

/* Children of the root that have children of their own (Upload...). */
size_t
ll_s3xml_nitems(const struct ll_s3xml *d)
{
	return d->nitem;
}

const char *
ll_s3xml_item_name(const struct ll_s3xml *d, size_t i)
{
	return i < d->nitem ? d->item[i].name : NULL;
}

/* The text of NAME in item I; or NULL. */
const char *
ll_s3xml_item(const struct ll_s3xml *d, size_t i, const char *name)
{
	const struct item *it;
	size_t k;

	if (i >= d->nitem)
		return NULL;
	it = &d->item[i];
	for (k = it->first; k < it->first + it->n; k++)
		if (strcmp(d->leaf[k].name, name) == 0)
			return d->leaf[k].text;
	return NULL;
}

void
ll_s3xml_free(struct ll_s3xml *d)
{
	size_t i;

	if (d == NULL)
		return;
	if (d->xp != NULL)
		XML_ParserFree(d->xp);
	for (i = 0; i < d->nleaf; i++) {
		free(d->leaf[i].name);
		free(d->leaf[i].text);
	}
	for (i = 0; i < d->nitem; i++)
		free(d->item[i].name);
	free(d->leaf);
	free(d->item);
	free(d->root);
	free(d->name2);
	free(d->name3);
	free(d->text);
	free(d);
}
