/*
 * A log source, written down once: the objects that hold its records,
 * how a document becomes records, the event time, the table its rows
 * make (columns with their source paths and types, the de-duplication
 * key), the fields the central controls read in its records, and its
 * part in the session review.  Each source is one definition in
 * lib/lake/source/NAME.c, listed in lib/lake/source.c; the tools, and
 * through ll-partition --sources the pipeline, know sources only from
 * here.  ll(7) says how to add one.
 */
#ifndef LL_SOURCE_H
#define LL_SOURCE_H

#include <stddef.h>

#include "json/jscan.h"
#include "lake/controls.h"
#include "lake/s3key.h"
#include "lake/schema.h"
#include "reason.h"

/* How a record writes its event time. */
enum ll_timefmt {
	LL_TF_RFC3339,		/* "2026-03-01T23:00:17Z", any offset */
	LL_TF_EPOCH_MS		/* 1772406017000 */
};

/* The source's part in the session review (ll-pipeline). */
enum ll_review {
	LL_RV_NONE,
	LL_RV_SESSIONS,		/* its rows are the sessions reviewed */
	LL_RV_TRANSCRIPTS	/* its rows are what was typed in them */
};

/* Records left out on purpose: PATH holds VALUE; counted as WHY. */
struct ll_skip {
	const char	*path;
	const char	*value;
	enum ll_reason	 why;
};

struct ll_source {
	const char	*name;		/* the source, and its table */
	const char	*about;		/* one line, for people */
	/* Its objects' keys, kind by kind (lib/lake/s3key.h). */
	const struct ll_keypat *keys;	/* ended by a NULL kind */
	/* A document of a raw object: its records (ll-splitjson). */
	const char	*explode;	/* the array of records, or NULL */
	const char	*keep;		/* document fields copied into each */
	/* A record. */
	const char	*time;		/* the event time's field */
	enum ll_timefmt	 timefmt;
	const char	*parse;		/* a string field holding JSON */
	struct ll_skip	 skip;
	struct ll_table	*table;
	const struct ll_cpath *controls;	/* ended by a NULL path */
	enum ll_review	 review;
	const char	*review_where[4];	/* ll-filter tests, NULL-ended */
};

size_t	ll_source_count(void);
const struct ll_source *ll_source_at(size_t);
const struct ll_source *ll_source_find(const char *);
const struct ll_source *ll_source_review(enum ll_review);
char	*ll_source_names(void);
const struct ll_cpath *ll_source_cpaths(size_t *);
const struct ll_cfield *const *ll_source_cfields(size_t *);
void	ll_source_json(struct ll_jbuf *, const struct ll_source *);

#endif
