/*
 * ll-report writes the session review as managers read it: for each
 * manager in a mapping file, a directory holding an HTML page, a
 * Markdown text and a CSV file of the Session Manager sessions of the
 * people who report to them, and an "unassigned" directory with every
 * session no manager claims.  Input is session_review rows (NDJSON,
 * compressed or not) from files, standard input or the lake itself.
 * Each row is copied once to an unlinked spool file; memory holds an
 * index of a few dozen bytes per session, and one row at a time.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "io/out.h"
#include "isotime.h"
#include "json/json.h"
#include "ll.h"
#include "opt.h"
#include "report.h"
#include "strset.h"
#include "xalloc.h"

#define MS_DAY	86400000LL

static const struct ll_opt opts[] = {
	{ 'D', "lake", "DIR", "read the session_review partitions in DIR", 0 },
	{ 'f', "from", "DAY", "the first day (YYYY-MM-DD, UTC)", 0 },
	{ 'H', "managers", "FILE", "who reports to whom: the mapping file", 0 },
	{ 'o', "output", "DIR", "write DIR/NAME/review.* (required)", 0 },
	{ 't', "to", "DAY", "the last day (default: the --from day)", 0 },
	{ 'Z', "tz", "ZONE", "show times in ZONE too (Europe/Berlin)", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-report [-hV] [-D dir] [-f day] [-H file] [-M size] "
	    "[-m size]\n"
	    "                 [-R ratio] [-r file] [-S file] [-t day] "
	    "[-Z zone] -o dir\n"
	    "                 [file ...]",
	"Write the session review as managers read it, a page per manager.",
	"MRSmr", opts,
	"  ll-report -D /srv/loglake -f 2026-03-01 -H managers.conf \\\n"
	    "      -Z Europe/Berlin -o reports/2026-03-01"
};

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->eventid != NULL && y->eventid != NULL &&
	    (c = strcmp(x->eventid, y->eventid)) != 0)
		return c;
	if ((x->eventid == NULL) != (y->eventid == NULL))
		return x->eventid == NULL ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/*
 * Puts sessions in time order, drops the second copy of an event
 * (the same rows read twice), and gives each manager its sessions.
 */
static void
assign(struct report *r)
{
	struct entry *e, *prev = NULL;
	struct manager *m;
	size_t i, k, o;

	if (r->nent > 1)
		qsort(r->ent, r->nent, sizeof(*r->ent), cmp_entry);
	for (i = o = 0; i < r->nent; i++) {
		e = &r->ent[i];
		if (prev != NULL && e->eventid != NULL && prev->eventid !=
		    NULL && strcmp(e->eventid, prev->eventid) == 0) {
			r->duplicates++;
			free(e->eventid);
			continue;
		}
		r->ent[o] = *e;
		prev = &r->ent[o++];
		for (k = 0; k < e->nclaims; k++) {
			m = &r->ms.m[r->claims[e->claim + k]];
			if (m->nent == m->entcap) {
				m->entcap = m->entcap * 2 + 16;
				m->ent = xreallocarray(m->ent, m->entcap,
				    sizeof(*m->ent));
			}
			m->ent[m->nent++] = o - 1;
		}
	}
	r->nent = o;
}

/* The days the report covers, and the rows of every page's chart. */
static void
span(struct report *r)
{
	static char from[11], to[11];
	int64_t lo, hi, d, tmin, tmax;
	size_t i;
	int h;

	if (r->to != 0) {
		tmin = r->from;
		tmax = r->to - 1;
	} else if (r->nent > 0) {
		tmin = r->ent[0].t;
		tmax = r->ent[r->nent - 1].t;
	} else {
		r->run.from = r->run.to = "";
		return;
	}
	ll_isotime_day(tmin, from);
	ll_isotime_day(tmax, to);
	r->run.from = from;
	r->run.to = to;
	lo = ll_clock_day(&r->run.clock, tmin, &h);
	hi = ll_clock_day(&r->run.clock, tmax, &h);
	for (i = 0; i < r->nent; i++) {
		d = ll_clock_day(&r->run.clock, r->ent[i].t, &h);
		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
	}
	r->run.day0 = lo;
	r->run.ndays = (int)(hi - lo + 1);
}

static json_t *
load_row(struct report *r, const struct entry *e)
{
	json_error_t jerr;
	ssize_t got;
	size_t done;
	json_t *j;

	if (e->len > r->bufsize) {
		free(r->buf);
		r->bufsize = e->len;
		r->buf = xmalloc(r->bufsize);
	}
	for (done = 0; done < e->len; done += (size_t)got)
		if ((got = pread(fileno(r->spool), r->buf + done,
		    e->len - done, e->off + (off_t)done)) <= 0)
			err(LL_EXIT_IO, "spool file");
	if ((j = ll_json_parse(r->buf, e->len, &jerr)) == NULL)
		errx(LL_EXIT_IO, "spool file: %s", jerr.text);
	return j;
}

/* A manager's directory; an existing one must be a real directory. */
static char *
make_dir(const char *out, const char *name)
{
	struct stat st;
	char *dir;

	dir = xasprintf("%s/%s", out, name);
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		err(LL_EXIT_IO, "%s", dir);
	if (lstat(dir, &st) == -1)
		err(LL_EXIT_IO, "%s", dir);
	if (!S_ISDIR(st.st_mode))
		errx(LL_EXIT_IO, "%s: not a directory (a symbolic link is "
		    "not followed)", dir);
	return dir;
}

static void
count(struct report *r, struct totals *tot, struct ll_strset *people,
    const struct session *s)
{
	int64_t d;
	int h;

	tot->sessions++;
	tot->denied += s->errcode.p != NULL;
	tot->transcripts += s->has_transcript;
	tot->commands += s->commands;
	ll_strset_add(people, s->arn.p != NULL ? s->arn.p : "", s->arn.n);
	d = ll_clock_day(&r->run.clock, s->start, &h) - r->run.day0;
	if (d >= 0 && d < r->run.ndays && d < CHART_MAXDAYS)
		tot->grid[d * 24 + h]++;
}

static void
write_manager(struct report *r, const char *out, const struct manager *m)
{
	struct totals tot;
	struct ll_strset people = { 0 };
	struct session s;
	struct page *pg;
	struct text *tx;
	json_t *sum;
	char *dir;
	size_t i;

	memset(&tot, 0, sizeof(tot));
	tot.grid = xcalloc((size_t)(r->run.ndays > 0 ? r->run.ndays : 1) *
	    24, sizeof(*tot.grid));
	dir = make_dir(out, m->name);
	pg = ll_html_begin(dir, &r->run, m->name);
	tx = ll_text_begin(dir, &r->run, m->name);
	for (i = 0; i < m->nent; i++) {
		if (ll_session_read(&s, load_row(r, &r->ent[m->ent[i]])) == -1)
			errx(LL_EXIT_IO, "spool file: eventtime changed");
		count(r, &tot, &people, &s);
		ll_html_session(pg, i + 1, &s);
		ll_text_session(tx, i + 1, &s);
		ll_session_free(&s);
	}
	ll_strset_sort(&people);
	tot.people = people.n;
	ll_strset_free(&people);
	ll_html_end(pg, &tot);
	ll_text_end(tx, &tot);
	sum = json_pack("{s:s, s:I, s:I, s:I, s:s+, s:s+, s:s+}",
	    "manager", m->name, "sessions", (json_int_t)tot.sessions,
	    "denied", (json_int_t)tot.denied,
	    "commands", (json_int_t)tot.commands,
	    "html", dir, "/review.html", "text", dir, "/review.md",
	    "csv", dir, "/review.csv");
	ll_out_json(sum);
	json_decref(sum);
	free(tot.grid);
	free(dir);
}

static int64_t
day_option(const char *opt, const char *s)
{
	int64_t ms;

	if (!ll_isotime_day_valid(s, strlen(s)) ||
	    ll_isotime_parse(s, 10, &ms) == -1)
		errx(LL_EXIT_USAGE, "%s: %s: expected a day YYYY-MM-DD", opt,
		    s);
	return ms;
}

/* A zone of the TZ database; glibc would take a typo for UTC. */
static void
set_zone(struct clock *c, const char *zone)
{
	const char *dir;
	char *path;
	struct stat st;

	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	path = xasprintf("%s/%s", dir, zone);
	/* The name goes into pages as it is: only a zone's characters. */
	if (*zone == '\0' || *zone == '/' || strstr(zone, "..") != NULL ||
	    strspn(zone, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/_+-") != strlen(zone) ||
	    stat(path, &st) == -1 || !S_ISREG(st.st_mode))
		errx(LL_EXIT_USAGE, "--tz: %s: not a zone of the time zone "
		    "database in %s (such as Europe/Berlin)", zone, dir);
	free(path);
	if (setenv("TZ", zone, 1) == -1)
		err(LL_EXIT_IO, "setenv");
	tzset();
	c->zone = zone;
}

/* When the pages were made; SOURCE_DATE_EPOCH makes them reproducible. */
static void
generated(struct run *run)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	int64_t t;

	t = sde != NULL && *sde != '\0' ? ll_opt_num("SOURCE_DATE_EPOCH",
	    sde, 0, 253402300799LL) : (int64_t)time(NULL);
	ll_clock_utc(t * 1000, run->generated);
}

static void
finish(struct report *r, const char *out)
{
	size_t i;

	assign(r);
	span(r);
	r->run.rejected = ll_stats.rejected + r->damaged;
	r->run.total = r->nent;
	generated(&r->run);
	if (ll_afile_mkdirs(out, 0777) == -1)
		err(LL_EXIT_IO, "%s", out);
	for (i = 0; i < r->ms.n; i++)
		write_manager(r, out, &r->ms.m[i]);
	ll_stats_add("sessions", r->nent);
	ll_stats_add("duplicates", r->duplicates);
	ll_stats_add("outside_range", r->outside);
	ll_stats_add("pages", r->ms.n);
}

static void
cleanup(struct report *r)
{
	size_t i;

	for (i = 0; i < r->nent; i++)
		free(r->ent[i].eventid);
	free(r->ent);
	free(r->claims);
	free(r->buf);
	ll_managers_free(&r->ms);
	if (fclose(r->spool) == EOF)
		err(LL_EXIT_IO, "spool file");
}

int
main(int argc, char *argv[])
{
	struct report r;
	const char *lake = NULL, *from = NULL, *to = NULL, *out = NULL;
	const char *mapping = NULL, *arg;
	int ch;

	ll_init(argv[0]);
	memset(&r, 0, sizeof(r));
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'D':
			lake = arg;
			break;
		case 'f':
			from = arg;
			break;
		case 'H':
			mapping = arg;
			break;
		case 'o':
			out = arg;
			break;
		case 't':
			to = arg;
			break;
		case 'Z':
			set_zone(&r.run.clock, arg);
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	argc -= optind;
	argv += optind;
	if (out == NULL)
		errx(LL_EXIT_USAGE, "--output (-o) is required: the directory "
		    "for the pages");
	if (lake != NULL && argc > 0)
		errx(LL_EXIT_USAGE, "--lake (-D) reads the lake: no file may "
		    "be given with it");
	if (to != NULL && from == NULL)
		errx(LL_EXIT_USAGE, "--to needs --from");
	if (lake != NULL && from == NULL)
		errx(LL_EXIT_USAGE, "--lake needs --from (and --to for more "
		    "than one day)");
	if (from != NULL) {
		r.from = day_option("--from", from);
		r.to = day_option("--to", to != NULL ? to : from) + MS_DAY;
		if (r.to <= r.from)
			errx(LL_EXIT_USAGE, "--to %s is before --from %s", to,
			    from);
	}
	if (mapping != NULL)
		ll_managers_load(&r.ms, mapping);
	ll_managers_unassigned(&r.ms);
	ll_put_umask();
	r.spool = ll_put_spool();
	if (lake != NULL)
		ll_read_lake(&r, lake);
	else if (argc == 0)
		ll_read_input(&r, "-");
	for (ch = 0; ch < argc; ch++)
		ll_read_input(&r, argv[ch]);
	if (fflush(r.spool) == EOF || ferror(r.spool))
		err(LL_EXIT_IO, "spool file");
	finish(&r, out);
	cleanup(&r);
	return ll_finish();
}
