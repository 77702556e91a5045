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

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "input.h"
#include "isotime.h"
#include "ll.h"
#include "ndjson.h"
#include "report.h"
#include "strset.h"
#include "xalloc.h"

#define MS_DAY	86400000LL

struct entry {
	int64_t		 t;
	off_t		 off;
	size_t		 len;
	char		*eventid;	/* for duplicates; NULL if none */
	size_t		 claim, nclaims;	/* in report.claims */
};

struct report {
	struct managers	 ms;
	struct entry	*ent;
	size_t		 nent, entcap;
	size_t		*claims;
	size_t		 nclaims, claimcap;
	FILE		*spool;
	off_t		 spoolsize;
	size_t		 max_record;
	int64_t		 from, to;	/* ms, [from, to); to 0: no range */
	uintmax_t	 outside, duplicates, damaged;
	struct run	 run;
	char		*buf;		/* a row read back */
	size_t		 bufsize;
};

static const struct option longopts[] = {
	{ "lake",		required_argument,	NULL,	'D' },
	{ "from",		required_argument,	NULL,	'f' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "max-record-bytes",	required_argument,	NULL,	'M' },
	{ "managers",		required_argument,	NULL,	'm' },
	{ "output",		required_argument,	NULL,	'o' },
	{ "reject",		required_argument,	NULL,	'r' },
	{ "stats",		required_argument,	NULL,	'S' },
	{ "to",			required_argument,	NULL,	't' },
	{ "version",		no_argument,		NULL,	'V' },
	{ "tz",			required_argument,	NULL,	'z' },
	{ NULL,			0,			NULL,	0 }
};

static __dead void
usage(FILE *fp, int code)
{
	fprintf(fp, "usage: ll-report [-hV] [-D lake] [-f day] [-M size] "
	    "[-m file] [-r file] [-S file]\n"
	    "                 [-t day] [-z zone] -o dir [file ...]\n");
	exit(code);
}

/* Which managers claim the row's person; "unassigned" if none does. */
static void
claim(struct report *r, struct entry *e, json_t *row)
{
	struct str arn, user, srcid;
	size_t i, last = r->ms.n - 1;

	session_who(row, &arn, &user, &srcid);
	e->claim = r->nclaims;
	for (i = 0; i <= last; i++) {
		if (i < last && !managers_claims(&r->ms.m[i], &arn, &user,
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
		ll_reject("invalid_json", line, n);
		return;
	}
	if (!json_is_object(j)) {
		ll_warnx_at(name, lineno, "not a JSON object");
		ll_reject("not_object", line, n);
	} else if (session_time(json_object_get(j, "eventtime"), &t) == -1) {
		ll_warnx_at(name, lineno, "eventtime: not a time");
		ll_reject("bad_time", line, n);
	} else if (r->to != 0 && (t < r->from || t >= r->to))
		r->outside++;
	else {
		e.t = t;
		e.off = r->spoolsize;
		e.len = n;
		if (json_is_string(id = json_object_get(j, "eventid")))
			e.eventid = xstrdup(json_string_value(id));
		claim(r, &e, j);
		put(r->spool, line, n);
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

static void
read_input(struct report *r, const char *path)
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
	ll_reader_init(&rd, in, r->max_record);
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
			read_input(r, path);
		free(path);
	}
	free(names);
	free(dir);
}

/* LAKE/session_review, or ll-pipeline's -D DIR/lake/session_review. */
static void
read_lake(struct report *r, const char *lake)
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
		ll_time_day(t, day);
		read_day(r, table, day);
	}
	free(table);
}

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
	ll_time_day(tmin, from);
	ll_time_day(tmax, to);
	r->run.from = from;
	r->run.to = to;
	lo = clock_day(&r->run.clock, tmin, &h);
	hi = clock_day(&r->run.clock, tmax, &h);
	for (i = 0; i < r->nent; i++) {
		d = clock_day(&r->run.clock, r->ent[i].t, &h);
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
	d = clock_day(&r->run.clock, s->start, &h) - r->run.day0;
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
	pg = html_begin(dir, &r->run, m->name);
	tx = text_begin(dir, &r->run, m->name);
	for (i = 0; i < m->nent; i++) {
		if (session_read(&s, load_row(r, &r->ent[m->ent[i]])) == -1)
			errx(LL_EXIT_IO, "spool file: eventtime changed");
		count(r, &tot, &people, &s);
		html_session(pg, i + 1, &s);
		text_session(tx, i + 1, &s);
		session_free(&s);
	}
	ll_strset_sort(&people);
	tot.people = people.n;
	ll_strset_free(&people);
	html_end(pg, &tot);
	text_end(tx, &tot);
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

	if (!ll_day_valid(s, strlen(s)) || ll_time_parse(s, 10, &ms) == -1)
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

	t = sde != NULL && *sde != '\0' ? ll_parse_num("SOURCE_DATE_EPOCH",
	    sde, 0, 253402300799LL) : (int64_t)time(NULL);
	clock_utc(t * 1000, run->generated);
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
	if (ll_mkdirs(out, 0777) == -1)
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
	managers_free(&r->ms);
	if (fclose(r->spool) == EOF)
		err(LL_EXIT_IO, "spool file");
}

int
main(int argc, char *argv[])
{
	struct report r;
	const char *lake = NULL, *from = NULL, *to = NULL, *out = NULL;
	const char *mapping = NULL;
	int ch;

	ll_init(argv[0]);
	memset(&r, 0, sizeof(r));
	r.max_record = (size_t)512 << 20;
	while ((ch = getopt_long(argc, argv, "D:f:hM:m:o:r:S:t:Vz:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'D':
			lake = optarg;
			break;
		case 'f':
			from = optarg;
			break;
		case 'h':
			usage(stdout, LL_EXIT_OK);
			/* NOTREACHED */
		case 'M':
			r.max_record = (size_t)ll_parse_size("--max-record-bytes",
			    optarg);
			break;
		case 'm':
			mapping = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'r':
			ll_reject_open(optarg);
			break;
		case 'S':
			ll_stats_set_path(optarg);
			break;
		case 't':
			to = optarg;
			break;
		case 'V':
			ll_version();
			/* NOTREACHED */
		case 'z':
			set_zone(&r.run.clock, optarg);
			break;
		default:
			usage(stderr, LL_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (out == NULL || (lake != NULL && argc > 0))
		usage(stderr, LL_EXIT_USAGE);
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
		managers_load(&r.ms, mapping);
	managers_unassigned(&r.ms);
	out_umask();
	r.spool = out_spool();
	if (lake != NULL)
		read_lake(&r, lake);
	else if (argc == 0)
		read_input(&r, "-");
	for (ch = 0; ch < argc; ch++)
		read_input(&r, argv[ch]);
	if (fflush(r.spool) == EOF || ferror(r.spool))
		err(LL_EXIT_IO, "spool file");
	finish(&r, out);
	cleanup(&r);
	return ll_finish();
}
