/*
 * ll-timeline's sort: records with a key, sorted within a memory
 * budget.  Each worker thread fills a sorter of its own (no locks);
 * one that outgrows its share sorts what it holds into a run on disk.
 * ll_sorter_drain merges every sorter's runs and what each still holds
 * into one stream, in key order, and empties them for the next day.
 */
#ifndef LL_TL_SORTER_H
#define LL_TL_SORTER_H

#include <stddef.h>
#include <stdint.h>

/* Records sort by time, then table, file and row: a total order. */
struct ll_skey {
	int64_t		 ms;
	uint32_t	 table;
	uint32_t	 file;
	uint64_t	 row;
};

struct ll_sorter;

struct ll_sorter *ll_sorter_new(size_t);
void	ll_sorter_add(struct ll_sorter *, const struct ll_skey *, const char *,
	    size_t);
uint64_t ll_sorter_spilled(const struct ll_sorter *);
void	ll_sorter_drain(struct ll_sorter **, size_t,
	    void (*)(void *, const char *, size_t), void *);
void	ll_sorter_free(struct ll_sorter *);

#endif
