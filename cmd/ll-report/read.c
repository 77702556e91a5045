/*
 * Reading the input once: each row that is a session is copied to the
 * spool file and indexed (its time, where it is, its event id and the
 * managers that claim it); a row that is not is reported, counted and
 * quarantined.  With --lake the input is the session_review table's
 * partitions for the days asked for.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/reader.h"
#include "isotime.h"
#include "json/json.h"
#include "ll.h"
#include "opt.h"
#include "report.h"
#include "xalloc.h"

#define MS_DAY	86400000LL

/* Which managers claim the row's person; "unassigned" if none does. */
static void
claim(struct report *r, struct entry *e, json_t *row)
{
	struct str arn, user, srcid;
	size_t i, last = r->ms.n - 1;

	ll_session_who(row, &arn, &user, &srcid);
	e->claim = r->nclaims;
	for (i = 0; i <= last; i++) {
		if (i < last && !ll_managers_claims(&r->ms.m[i], &arn, &user,
		    &srcid))
			continue;
		if (i == last && e->nclaims > 0)
			break;
		if (r->nclaims == r->claimcap) {
			r->claimcap = r->claimcap * 2 + 64;
			r->claims = xreallocarray(r->claims, r->claimcap,
			    sizeof(*r->claims));
		}
		r->claims[r->nclaims++] = i;
		e->nclaims++;
	}
}

static void
row(struct report *r, const char *name, uintmax_t lineno, const char *line,
    size_t n)
{
	struct entry e;
	json_error_t jerr;
	json_t *j, *id;
	int64_t t;

	memset(&e, 0, sizeof(e));
	if ((j = ll_json_parse(line, n, &jerr)) == NULL) {
		ll_warnx_at(name, lineno, "byte %d: invalid JSON: %s",
		    jerr.position, jerr.text);
		ll_reject(LL_R_INVALID_JSON, line, n);
		return;
	}
	if (!json_is_object(j)) {
		ll_warnx_at(name, lineno, "not a JSON object");
		ll_reject(LL_R_NOT_OBJECT, line, n);
	} else if (ll_session_time(json_object_get(j, "eventtime"), &t) == -1) {
		ll_warnx_at(name, lineno, "eventtime: not a time");
		ll_reject(LL_R_INVALID_EVENT_TIME, line, n);
	} else if (r->to != 0 && (t < r->from || t >= r->to))
		r->outside++;
	else {
		e.t = t;
		e.off = r->spoolsize;
		e.len = n;
		if (json_is_string(id = json_object_get(j, "eventid")))
			e.eventid = xstrdup(json_string_value(id));
		claim(r, &e, j);
		ll_put(r->spool, line, n);
		r->spoolsize += (off_t)n;
		if (r->nent == r->entcap) {
			r->entcap = r->entcap * 2 + 256;
			r->ent = xreallocarray(r->ent, r->entcap,
			    sizeof(*r->ent));
		}
		r->ent[r->nent++] = e;
	}
	json_decref(j);
}

static int
blank(const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
	    p[n - 1] == '\r'))
		n--;
	return n == 0;
}

void
ll_read_input(struct report *r, const char *path)
{
	struct ll_reader rd;
	struct ll_input *in;
	const char *line;
	size_t n;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		r->damaged++;
		return;
	}
	ll_reader_init(&rd, in, ll_opt_max_record);
	while (ll_reader_next(&rd, &line, &n)) {
		if (!blank(line, n))
			row(r, rd.name, rd.line, line, n);
	}
	r->damaged += ll_input_errors(in);
	ll_reader_free(&rd);
	ll_input_close(in);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file of one calendarday= partition, in name order. */
static void
read_day(struct report *r, const char *table, const char *day)
{
	struct dirent *de;
	struct stat st;
	char *dir, *path, **names = NULL;
	size_t n = 0, i;
	DIR *d;

	dir = xasprintf("%s/calendarday=%s", table, day);
	if ((d = opendir(dir)) == NULL) {
		if (errno != ENOENT) {
			warn("%s", dir);
			ll_fail(LL_EXIT_IO);
			r->damaged++;
		}
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		/* Hidden names are other writers' temporary files. */
		if (de->d_name[0] == '.' || de->d_name[0] == '_')
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++) {
		path = names[i];
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			ll_read_input(r, path);
		free(path);
	}
	free(names);
	free(dir);
}

/* LAKE/session_review, or ll-pipeline's -D DIR/lake/session_review. */
void
ll_read_lake(struct report *r, const char *lake)
{
	struct stat st;
	char *table, day[11];
	int64_t t;

	table = xasprintf("%s/session_review", lake);
	if (stat(table, &st) == -1) {
		free(table);
		table = xasprintf("%s/lake/session_review", lake);
		if (stat(table, &st) == -1)
			errx(LL_EXIT_IO, "%s: no session_review table in it "
			    "(nor in %s/lake)", lake, lake);
	}
	for (t = r->from; t < r->to; t += MS_DAY) {
		ll_isotime_day(t, day);
		read_day(r, table, day);
	}
	free(table);
}

