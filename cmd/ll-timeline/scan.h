/*
 * The search: every file of a few day groups at a time (as many as
 * there are threads) is cut into units of work (a
 * Parquet row group, or a whole NDJSON file), row groups whose time
 * statistics lie outside the window are left unread, and each row
 * that is in the window and holds an indicator becomes a timeline
 * record in its worker's sorter.  Parquet units run on worker threads;
 * NDJSON files, which go through the shared input layer, on the main
 * thread.  Messages about rows are kept per unit and printed in unit
 * order, so they read the same however the threads ran.
 */
#ifndef LL_TL_SCAN_H
#define LL_TL_SCAN_H

#include <stddef.h>
#include <stdint.h>

struct ll_acmatch;
struct ll_cols;
struct ll_tables;
struct ll_scan;

struct ll_scan_opts {
	int64_t		 since, until;	/* milliseconds, inclusive */
	const struct ll_acmatch *ac;	/* NULL: every row */
	const struct ll_cols *cols;	/* NULL: every column */
	size_t		 max_record;
	size_t		 jobs;
	size_t		 memory;	/* for sorting, all workers together */
};

struct ll_scan *ll_scan_new(const struct ll_scan_opts *, struct ll_tables *);
size_t	ll_scan_groups(struct ll_scan *, size_t,
	    void (*)(void *, const char *, size_t), void *);
void	ll_scan_free(struct ll_scan *);

#endif
