/* Parsing and following jq-style field paths. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "exit.h"
#include "json/path.h"
#include "xalloc.h"

static void
add(struct ll_path *p, const char *s, size_t n)
{
	p->seg = xreallocarray(p->seg, p->n + 1, sizeof(*p->seg));
	p->seglen = xreallocarray(p->seglen, p->n + 1, sizeof(*p->seglen));
	p->seg[p->n] = xstrndup(s, n);
	p->seglen[p->n] = n;
	p->n++;
}

/* A quoted key; S points after the opening quote.  NULL if unclosed. */
static const char *
quoted(struct ll_path *p, const char *s)
{
	char *buf;
	size_t n;

	buf = xmalloc(strlen(s) + 1);
	for (n = 0; *s != '"'; s++) {
		if (*s == '\0') {
			free(buf);
			return NULL;
		}
		if (*s == '\\' && s[1] != '\0')
			s++;
		buf[n++] = *s;
	}
	add(p, buf, n);
	free(buf);
	return s + 1;
}

static const char *
segment(struct ll_path *p, const char *s, const char **errp)
{
	size_t n;

	if (*s == '"') {
		if ((s = quoted(p, s + 1)) == NULL)
			*errp = "unterminated quoted key";
		return s;
	}
	if (s[0] == '[' && s[1] == '"') {
		if ((s = quoted(p, s + 2)) == NULL || *s != ']') {
			*errp = "expected '\"key\"]' after '['";
			return NULL;
		}
		return s + 1;
	}
	n = strcspn(s, ".[\"");
	if (n == 0) {
		*errp = "empty key";
		return NULL;
	}
	add(p, s, n);
	return s + n;
}

/* Returns 0, or -1 with *errp saying what is wrong. */
int
ll_path_parse(struct ll_path *p, const char *text, const char **errp)
{
	const char *s;

	memset(p, 0, sizeof(*p));
	p->text = xstrdup(text);
	s = text;
	if (*s == '.')
		s++;
	if (*s == '\0') {
		*errp = "empty path";
		ll_path_free(p);
		return -1;
	}
	while (*s != '\0') {
		if ((s = segment(p, s, errp)) == NULL) {
			ll_path_free(p);
			return -1;
		}
		if (*s == '.' && s[1] != '\0' && s[1] != '.')
			s++;
		else if (*s != '\0' && *s != '[') {
			*errp = "expected '.' between keys";
			ll_path_free(p);
			return -1;
		}
	}
	return 0;
}

/* A path given as option OPT: replaces P, or exits 2 saying why not. */
void
ll_path_option(struct ll_path *p, const char *opt, const char *arg)
{
	const char *why;

	ll_path_free(p);
	if (ll_path_parse(p, arg, &why) == -1)
		errx(LL_EXIT_USAGE, "%s: %s: %s", opt, arg, why);
}

json_t *
ll_path_get(const struct ll_path *p, json_t *j)
{
	size_t i;

	for (i = 0; i < p->n && j != NULL; i++) {
		if (!json_is_object(j))
			return NULL;
		j = json_object_getn(j, p->seg[i], p->seglen[i]);
	}
	return j;
}

/* Sets the value at path P in OBJ, making the objects on the way. */
void
ll_path_set(const struct ll_path *p, json_t *obj, json_t *v)
{
	json_t *next;
	size_t i;

	for (i = 0; i + 1 < p->n; i++) {
		next = json_object_getn(obj, p->seg[i], p->seglen[i]);
		if (!json_is_object(next)) {
			next = json_object();
			json_object_setn_new(obj, p->seg[i], p->seglen[i],
			    next);
		}
		obj = next;
	}
	json_object_setn(obj, p->seg[i], p->seglen[i], v);
}

void
ll_path_free(struct ll_path *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->seg[i]);
	free(p->seg);
	free(p->seglen);
	free(p->text);
	memset(p, 0, sizeof(*p));
}
