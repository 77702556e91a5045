/*
 * A name is checked against the columns of the tables read: a Parquet
 * file's own (its footer is read ahead for this), a lake table's
 * schema for its JSON partitions, and the partition folders' keys.  A
 * name that some table lacks is fine (its rows print without it); one
 * that no table has is a usage error, as a misspelling is.  NDJSON of
 * no known table (raw objects, standard input) has no columns known
 * before it is read, so with such a file names are not checked.
 */
#include <err.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "columns.h"
#include "lake/hiverow.h"
#include "lake/pqread.h"
#include "lake/schema.h"
#include "ll.h"
#include "tables.h"

void
ll_cols_parse(struct ll_cols *c, const char *list)
{
	const char *p = list, *e;

	for (;;) {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		if (e == p)
			errx(LL_EXIT_USAGE, "--columns: %s: an empty column "
			    "name", list);
		ll_strset_add(&c->names, p, (size_t)(e - p));
		if (*e == '\0')
			break;
		p = e + 1;
	}
	ll_strset_sort(&c->names);
}

int
ll_cols_has(const struct ll_cols *c, const char *s, size_t n)
{
	return ll_strset_has(&c->names, s, n);
}

/* Adds the columns of a Parquet file to KNOWN; -1 if it is refused. */
static int
parquet_columns(const char *path, struct ll_strset *known)
{
	struct ll_pqfile *pq;
	const char *name;
	char why[256];
	size_t i;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return -1;
	if ((pq = ll_pqread_open(path, fd, why, sizeof(why))) == NULL) {
		close(fd);
		return -1;
	}
	for (i = 0; i < ll_pqread_ncols(pq); i++) {
		name = ll_pqread_col(pq, i)->name;
		ll_strset_add(known, name, strlen(name));
	}
	ll_pqread_close(pq);
	close(fd);
	return 0;
}

/* Adds the columns a file's rows may have; 0 if they cannot be known. */
static int
file_columns(const struct ll_tfile *tf, struct ll_strset *known)
{
	const struct ll_table *t;
	struct ll_hiverow h;
	size_t i;

	ll_hiverow_init(&h, tf->path);
	for (i = 0; i < h.n; i++)
		ll_strset_add(known, h.p[i].name, strlen(h.p[i].name));
	ll_hiverow_free(&h);
	if (tf->parquet)
		return parquet_columns(tf->path, known) == 0;
	if (tf->table == NULL || (t = ll_schema_table(tf->table)) == NULL)
		return 0;
	for (i = 0; i < t->ncols; i++)
		ll_strset_add(known, t->cols[i].name, strlen(t->cols[i].name));
	return 1;
}

void
ll_cols_check(const struct ll_cols *c, const struct ll_tables *t)
{
	struct ll_strset known;
	const struct ll_str *s;
	size_t i;

	if (c->names.n == 0)
		return;
	memset(&known, 0, sizeof(known));
	for (i = 0; i < t->nfiles; i++)
		if (!file_columns(&t->files[i], &known)) {
			ll_strset_free(&known);
			return;
		}
	ll_strset_sort(&known);
	for (i = 0; i < c->names.n; i++) {
		s = &c->names.v[i];
		if (!ll_strset_has(&known, s->s, s->len))
			errx(LL_EXIT_USAGE, "--columns: %s: no table read has "
			    "this column", s->s);
	}
	ll_strset_free(&known);
}

/* Whether a member's name (a scanned JSON string) is one of the list. */
static int
wanted(const struct ll_cols *c, const struct ll_jval *key)
{
	size_t i;

	if (!key->esc)
		return ll_cols_has(c, key->p + 1, key->n - 2);
	for (i = 0; i < c->names.n; i++)
		if (ll_jstr_eq(key, c->names.v[i].s))
			return 1;
	return 0;
}

/*
 * Appends the object at P with only the listed members, each copied
 * as it is written; an object that does not scan is copied whole.
 */
void
ll_cols_project(const struct ll_cols *c, const char *p, size_t n,
    struct ll_jbuf *b)
{
	struct ll_jscan sc;
	struct ll_jiter it;
	struct ll_jval key, v;
	size_t start = b->len;
	int r, first = 1;

	memset(&sc, 0, sizeof(sc));
	ll_jscan_init(&sc, p, n);
	ll_jbuf_addc(b, '{');
	r = ll_jscan_open(&sc, &it);
	while (r == 0 && (r = ll_jscan_next(&sc, &it, &key)) == 1) {
		if ((r = ll_jscan_value(&sc, &v)) == -1)
			break;
		if (!wanted(c, &key))
			continue;
		if (!first)
			ll_jbuf_addc(b, ',');
		first = 0;
		ll_jbuf_add(b, key.p, key.n);
		ll_jbuf_addc(b, ':');
		ll_jbuf_add(b, v.p, v.n);
	}
	ll_jscan_free(&sc);
	if (r == -1) {
		b->len = start;
		ll_jbuf_add(b, p, n);
		return;
	}
	ll_jbuf_addc(b, '}');
}

void
ll_cols_free(struct ll_cols *c)
{
	ll_strset_free(&c->names);
}
