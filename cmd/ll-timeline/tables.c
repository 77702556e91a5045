/*
 * A folder of the lake is a table when it holds at least one
 * KEY=VALUE folder; tables are never named in the code, so a new one
 * (bedrock) is read as soon as it is there.  Inside a table, KEY=VALUE
 * folders are walked to any depth (ll-partition -p can nest them);
 * the calendarday one gives a file its day, and days outside the
 * window are not entered.  Names starting with "." or "_" are skipped:
 * they are files being written (ll-partition's), key files and the
 * markers other engines leave.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isotime.h"
#include "ll.h"
#include "tables.h"
#include "xalloc.h"

#define MAXDEPTH	8

static int
strpcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible entries of DIR, sorted; NULL if it cannot be read. */
static char **
entries(const char *dir, size_t *np)
{
	DIR *d;
	struct dirent *e;
	char **v = NULL;
	size_t n = 0;

	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof(*v), strpcmp);
	*np = n;
	return v;
}

static void
free_entries(char **v, size_t n)
{
	while (n-- > 0)
		free(v[n]);
	free(v);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
is_part(const char *name)
{
	const char *eq = strchr(name, '=');

	return eq != NULL && eq != name;
}

/* The file's first bytes say Parquet. */
static int
sniff_parquet(const char *path)
{
	char b[4];
	int fd, r;

	if ((fd = open(path, O_RDONLY)) == -1)
		return 0;
	r = read(fd, b, 4) == 4 && memcmp(b, "PAR1", 4) == 0;
	close(fd);
	return r;
}

static void
add(struct ll_tables *t, const char *path, const char *table,
    const char *day)
{
	struct ll_tfile *f;

	t->files = xreallocarray(t->files, t->nfiles + 1, sizeof(*t->files));
	f = &t->files[t->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->table = table;
	if (day != NULL)
		memcpy(f->day, day, 11);
	f->parquet = sniff_parquet(path);
}

/* Walks the partition folders under DIR; DAY is the calendarday found. */
static void
walk(struct ll_tables *t, const char *dir, const char *table,
    const char *day, const char *from, const char *to, int depth)
{
	char **v, *path, d[11];
	size_t n, i;
	int sub;

	if ((v = entries(dir, &n)) == NULL) {
		warn("%s", dir);
		ll_fail(LL_EXIT_IO);
		return;
	}
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, v[i]);
		sub = is_dir(path);
		if (sub && is_part(v[i]) && depth < MAXDEPTH) {
			if (strncmp(v[i], "calendarday=", 12) == 0 &&
			    ll_isotime_day_valid(v[i] + 12, strlen(v[i] + 12))) {
				memcpy(d, v[i] + 12, 11);
				if ((from == NULL || strcmp(d, from) >= 0) &&
				    (to == NULL || strcmp(d, to) <= 0))
					walk(t, path, table, d, from, to,
					    depth + 1);
			} else
				walk(t, path, table, day, from, to, depth + 1);
		} else if (!sub && depth > 0)
			add(t, path, table, day);
		free(path);
	}
	free_entries(v, n);
}

static int
wanted(const char *name, char **only, size_t nonly)
{
	size_t i;

	for (i = 0; i < nonly; i++)
		if (strcmp(only[i], name) == 0)
			return 1;
	return nonly == 0;
}

/*
 * Adds the tables of LAKE (those in ONLY, if any) and their files
 * within the days FROM to TO (NULL: no bound).  Exits 2 when the lake
 * has no table, or lacks one asked for.
 */
void
ll_tables_lake(struct ll_tables *t, const char *lake, char **only,
    size_t nonly, const char *from, const char *to)
{
	char **v, **w, *path;
	size_t n, nw, i, j, found = 0;
	int part;

	if ((v = entries(lake, &n)) == NULL)
		err(LL_EXIT_USAGE, "%s", lake);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", lake, v[i]);
		part = 0;
		if (is_dir(path) && (w = entries(path, &nw)) != NULL) {
			for (j = 0; j < nw && !part; j++)
				part = is_part(w[j]);
			free_entries(w, nw);
		}
		if (part && wanted(v[i], only, nonly)) {
			t->names = xreallocarray(t->names, t->nnames + 1,
			    sizeof(*t->names));
			t->names[t->nnames++] = xstrdup(v[i]);
			walk(t, path, t->names[t->nnames - 1], NULL, from, to, 1);
		}
		found += part;
		free(path);
	}
	free_entries(v, n);
	if (found == 0)
		errx(LL_EXIT_USAGE, "%s: no tables (folders holding KEY=VALUE "
		    "partition folders)", lake);
	for (i = 0; i < nonly; i++) {
		for (j = 0; j < t->nnames; j++)
			if (strcmp(t->names[j], only[i]) == 0)
				break;
		if (j == t->nnames)
			errx(LL_EXIT_USAGE, "%s: no table %s", lake, only[i]);
	}
}

/*
 * Adds a file named on the command line: its table is TABLE if not
 * NULL, else the folder above its partition folders, if it has any.
 */
void
ll_tables_file(struct ll_tables *t, const char *path, const char *table)
{
	const char *p, *slash, *prev = NULL, *name = table;
	char *tn;
	size_t i;

	for (p = path; name == NULL && (slash = strchr(p, '/')) != NULL;
	    p = slash + 1) {
		if (memchr(p, '=', (size_t)(slash - p)) != NULL && p != slash &&
		    *p != '=' && prev != NULL) {
			tn = xstrndup(prev, (size_t)(p - 1 - prev));
			for (i = 0; i < t->nnames; i++)
				if (strcmp(t->names[i], tn) == 0)
					break;
			if (i == t->nnames) {
				t->names = xreallocarray(t->names, t->nnames + 1,
				    sizeof(*t->names));
				t->names[t->nnames++] = tn;
			} else
				free(tn);
			name = t->names[i];
		}
		prev = p;
	}
	if (name != NULL && name == table) {
		for (i = 0; i < t->nnames; i++)
			if (strcmp(t->names[i], table) == 0)
				break;
		if (i == t->nnames) {
			t->names = xreallocarray(t->names, t->nnames + 1,
			    sizeof(*t->names));
			t->names[t->nnames++] = xstrdup(table);
		}
		name = t->names[i];
	}
	add(t, path, name, NULL);
	if (strcmp(path, "-") == 0)
		t->files[t->nfiles - 1].parquet = 0;
}

static int
filecmp(const void *a, const void *b)
{
	const struct ll_tfile *x = a, *y = b;
	int c;

	if ((c = strcmp(x->day, y->day)) != 0)
		return c;
	if (x->trank != y->trank)
		return x->trank < y->trank ? -1 : 1;
	return strcmp(x->path, y->path);
}

/*
 * Ranks the tables by name, sorts the files and groups them by day;
 * one group when any file has no day, as files named on the command
 * line do: then only sorting everything puts them in order.
 */
void
ll_tables_done(struct ll_tables *t)
{
	const char *name;
	size_t i, j;
	int nodays = 0;

	for (i = 0; i < t->nfiles; i++) {
		name = t->files[i].table;
		t->files[i].trank = name == NULL ? UINT32_MAX : 0;
		for (j = 0; name != NULL && j < t->nnames; j++)
			if (strcmp(t->names[j], name) < 0)
				t->files[i].trank++;
		nodays |= t->files[i].day[0] == '\0';
	}
	if (nodays)
		for (i = 0; i < t->nfiles; i++)
			t->files[i].day[0] = '\0';
	if (t->nfiles > 1)
		qsort(t->files, t->nfiles, sizeof(*t->files), filecmp);
	t->group = xcalloc(t->nfiles + 2, sizeof(*t->group));
	t->ngroups = 0;
	for (i = 0; i < t->nfiles; i++)
		if (i == 0 || strcmp(t->files[i].day, t->files[i - 1].day))
			t->group[t->ngroups++] = i;
	t->group[t->ngroups] = t->nfiles;
}

void
ll_tables_free(struct ll_tables *t)
{
	size_t i;

	for (i = 0; i < t->nfiles; i++)
		free(t->files[i].path);
	for (i = 0; i < t->nnames; i++)
		free(t->names[i]);
	free(t->files);
	free(t->names);
	free(t->group);
	memset(t, 0, sizeof(*t));
}
