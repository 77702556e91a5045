/*
 * ll-filter's state, shared by its modules: filter.c reads NDJSON lines
 * and judges each record; explode.c splits JSON documents in the same
 * process (-e) and lets the controls drop most records before they are
 * built; jobs.c works on several files at once (-j), each thread with
 * a copy of this state, writing in input order.
 */
#ifndef LL_FILTER_FILTER_H
#define LL_FILTER_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "json/jbuf.h"
#include "json/jfind.h"
#include "json/split.h"
#include "lake/controls.h"
#include "grep.h"
#include "tests.h"

struct filter {
	struct ll_controls *ctl;
	size_t		*ctlpath;	/* controls path -> path */
	size_t		 nctl;
	struct ll_tests	 tests;
	struct ll_grep	 grep;
	struct ll_pathset paths;
	struct ll_jfind	 scan;
	struct ll_val	*vals;
	char		**dec;		/* per path: decoded strings */
	size_t		*decsize;
	int		 full;		/* --parse: use jansson */
	size_t		 max_record;
	uintmax_t	*removed;	/* per rule, per test, then --grep */
	size_t		 nremoved;
	uintmax_t	 blank;
	struct ll_jbuf	 out;		/* a record with ll_match added */
	/* -e: documents split here, as ll-splitjson would */
	struct ll_split_opts split;
	int		 fast;		/* controls read from watched fields */
	const char	**watch;
	int		*watched;	/* controls path -> watch, or -1 */
	int		 judge;		/* the record being built needs it */
	size_t		 extra;		/* most bytes -s adds to a record */
	uintmax_t	 records, docs;
	int		 jobs;		/* -j */
};

void	ll_filter_line(struct filter *, const char *, uintmax_t, const char *,
	    size_t);
void	ll_filter_file(struct filter *, const char *);
void	ll_filter_explode_init(struct filter *);
void	ll_filter_explode(struct filter *, const char *);
void	ll_filter_explode_free(struct filter *);
void	ll_filter_jobs(struct filter *, char **, int);

#endif
