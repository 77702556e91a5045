/*
 * ll-report's modules: the mapping file (managers.c), one session row
 * read into fields (session.c), the per-manager output files and the
 * escaping every format needs (out.c), the HTML page (html.c) and the
 * Markdown and CSV files (text.c).  main.c reads the input once into
 * a spool file and an index; pages are written from the index.
 */
#ifndef LL_REPORT_H
#define LL_REPORT_H

#include <sys/types.h>

#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "io/afile.h"

#define UNASSIGNED	"unassigned"
#define CHART_MAXDAYS	92

/* A byte string that may hold NUL (jansson allows \u0000). */
struct str {
	const char	*p;
	size_t		 n;
};

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

void	managers_load(struct managers *, const char *);
void	managers_unassigned(struct managers *);
int	managers_claims(const struct manager *, const struct str *,
	    const struct str *, const struct str *);
void	managers_free(struct managers *);

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

int	session_time(json_t *, int64_t *);
int	session_read(struct session *, json_t *);
void	session_who(json_t *, struct str *, struct str *, struct str *);
void	session_free(struct session *);
uintmax_t session_commands(const char *, size_t);

/* Times as shown: UTC always, a --tz zone when given. */
struct clock {
	const char	*zone;		/* NULL: UTC only */
};

void	clock_utc(int64_t, char [32]);
void	clock_local(const struct clock *, int64_t, char [64]);
int64_t	clock_day(const struct clock *, int64_t, int *);
void	clock_dayname(int64_t, char [11]);
void	clock_duration(int64_t, char [32]);

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
	size_t		 max_record;
	int64_t		 from, to;	/* ms, [from, to); to 0: no range */
	uintmax_t	 outside, duplicates, damaged;
	struct run	 run;
	char		*buf;		/* a row read back */
	size_t		 bufsize;
};

void	read_input(struct report *, const char *);
void	read_lake(struct report *, const char *);

/* One output file written as parts, put together at commit. */
struct outfile {
	char		*path;
	struct ll_afile	 af;
	FILE		*fp;		/* the final file (a temporary name) */
	FILE		*part[3];	/* unlinked temporary files */
	int		 nparts;
};

void	out_open(struct outfile *, const char *, const char *, int);
void	out_part(struct outfile *, int);
void	out_commit(struct outfile *);
void	out_umask(void);
FILE	*out_spool(void);
void	put(FILE *, const char *, size_t);
void	puts_(FILE *, const char *);
void	putf(FILE *, const char *, ...) __attribute__((format(printf, 2, 3)));
void	put_html(FILE *, const struct str *);
void	put_visible(FILE *, const struct str *, int);
void	put_jsonstr(FILE *, const struct str *);
void	put_csv(FILE *, const struct str *);
void	put_md(FILE *, const struct str *);
struct str cstr(const char *);

/* The HTML page, the Markdown text and the CSV file of one manager. */
struct page;
struct page *html_begin(const char *, const struct run *, const char *);
void	html_session(struct page *, size_t, const struct session *);
void	html_end(struct page *, const struct totals *);

struct text;
struct text *text_begin(const char *, const struct run *, const char *);
void	text_session(struct text *, size_t, const struct session *);
void	text_end(struct text *, const struct totals *);

#endif
