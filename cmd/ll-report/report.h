/*
 * ll-report's modules: reading the input (read.c), the mapping file
 * (managers.c), one session row read into fields (session.c), its
 * times (clock.c), the per-manager output files and the escaping every
 * format needs (put.c), the HTML page (html.c, its style sheet and
 * script in assets.c) and the Markdown and CSV files (text.c).  main.c
 * reads the input once into a spool file and an index and writes the
 * pages from the index.
 */
#ifndef LL_REPORT_H
#define LL_REPORT_H

#include <sys/types.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "io/afile.h"

#define UNASSIGNED	"unassigned"
#define CHART_MAXDAYS	92

/* A byte string that may hold NUL (jansson allows \u0000). */
struct str {
	const char	*p;
	size_t		 n;
};

static inline struct str
cstr(const char *s)
{
	struct str r = { s, s != NULL ? strlen(s) : 0 };

	return r;
}

/* Who reports to whom: one manager and the patterns that claim people. */
struct manager {
	char		*name;
	char		**pat;		/* fnmatch(3) patterns */
	int		*arn;		/* pattern is on the principal ARN */
	size_t		 npat;
	size_t		*ent;		/* the manager's sessions, in order */
	size_t		 nent, entcap;
};

struct managers {
	struct manager	*m;		/* from the file, then "unassigned" */
	size_t		 n;
};

void	ll_managers_load(struct managers *, const char *);
void	ll_managers_unassigned(struct managers *);
int	ll_managers_claims(const struct manager *, const struct str *,
	    const struct str *, const struct str *);
void	ll_managers_free(struct managers *);

/* One session_review row, its fields borrowed from the parsed tree. */
struct session {
	json_t		*row;
	json_t		*params;	/* requestparameters, parsed */
	struct str	 sid, arn, user, account, ip, target, document;
	struct str	 errcode, srcid, transcript, eventid;
	int		 has_transcript;
	int64_t		 start;		/* StartSession, ms since the epoch */
	int64_t		 duration;	/* ms; -1 when no log event */
	uintmax_t	 lines, events, commands;
};

int	ll_session_time(json_t *, int64_t *);
int	ll_session_read(struct session *, json_t *);
void	ll_session_who(json_t *, struct str *, struct str *, struct str *);
void	ll_session_free(struct session *);
uintmax_t ll_session_commands(const char *, size_t);

/* Times as shown: UTC always, a --tz zone when given. */
struct clock {
	const char	*zone;		/* NULL: UTC only */
};

void	ll_clock_utc(int64_t, char [32]);
void	ll_clock_local(const struct clock *, int64_t, char [64]);
int64_t	ll_clock_day(const struct clock *, int64_t, int *);
void	ll_clock_dayname(int64_t, char [11]);
void	ll_clock_duration(int64_t, char [32]);

/* What every page says about the run as a whole. */
struct run {
	const char	*from, *to;	/* the days reported, "" if unknown */
	struct clock	 clock;
	uintmax_t	 rejected;	/* rows in no page */
	uintmax_t	 total;		/* sessions in all pages */
	char		 generated[32];
	int64_t		 day0;		/* the chart's first day */
	int		 ndays;		/* its rows */
};

/* Totals for one manager, for the page head and the summary record. */
struct totals {
	uintmax_t	 sessions, denied, transcripts, commands, people;
	unsigned	*grid;		/* ndays x 24 sessions */
};

/* A session in the spool file, and the managers that claim it. */
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
	int64_t		 from, to;	/* ms, [from, to); to 0: no range */
	uintmax_t	 outside, duplicates, damaged;
	struct run	 run;
	char		*buf;		/* a row read back */
	size_t		 bufsize;
};

void	ll_read_input(struct report *, const char *);
void	ll_read_lake(struct report *, const char *);

/* One output file written as parts, put together at commit. */
struct outfile {
	char		*path;
	struct ll_afile	 af;
	FILE		*fp;		/* the final file (a temporary name) */
	FILE		*part[3];	/* unlinked temporary files */
	int		 nparts;
};

void	ll_put_open(struct outfile *, const char *, const char *, int);
void	ll_put_part(struct outfile *, int);
void	ll_put_commit(struct outfile *);
void	ll_put_umask(void);
FILE	*ll_put_spool(void);
void	ll_put(FILE *, const char *, size_t);
void	ll_put_s(FILE *, const char *);
void	ll_put_f(FILE *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	ll_put_html(FILE *, const struct str *);
void	ll_put_text(FILE *, const struct str *, int);
void	ll_put_json(FILE *, const struct str *);
void	ll_put_csv(FILE *, const struct str *);
void	ll_put_md(FILE *, const struct str *);

/* The HTML page, the Markdown text and the CSV file of one manager. */
struct page;
struct page *ll_html_begin(const char *, const struct run *, const char *);
void	ll_html_session(struct page *, size_t, const struct session *);
void	ll_html_end(struct page *, const struct totals *);

struct text;
struct text *ll_text_begin(const char *, const struct run *, const char *);
void	ll_text_session(struct text *, size_t, const struct session *);
void	ll_text_end(struct text *, const struct totals *);

#endif
