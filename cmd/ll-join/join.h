/*
 * A hash join in bounded memory.  The right input is the build side:
 * its records are grouped by key in a hash table.  The left input
 * streams past the table, and each left record is handed to a probe
 * callback together with its group of right records, deduplicated
 * and ordered.  When the table outgrows the memory budget, both
 * sides are split by key hash into temporary files and joined one
 * partition at a time (a grace hash join), splitting again where a
 * partition is still too big.  Output rows carry a tag (left record
 * number, or first right record number for groups no left record
 * matched) and the partitions' outputs are merged on it, so the
 * output is the same, byte for byte, whatever the budget.
 */
#ifndef LL_JOIN_H
#define LL_JOIN_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "buf.h"

/* A record offered to the join; the bytes are copied as needed. */
struct ll_join_rec {
	uint64_t	 seq;		/* record number on its side */
	const char	*key;		/* NULL: missing or null key */
	size_t		 klen;
	const char	*sort;		/* ll_join_sortkey() bytes */
	size_t		 slen;
	const char	*dup;		/* dedupe value; 0 bytes: none */
	size_t		 dlen;
	const char	*body;		/* what the callbacks get back */
	size_t		 blen;
};

/* A stored right record: this header, then key, sort, dup, body. */
struct ll_join_item {
	uint64_t	seq;
	uint64_t	hash;
	uint64_t	blen;
	uint32_t	klen;
	uint32_t	slen;
	uint32_t	dlen;
	uint32_t	nokey;
};

/* All right records with one key, or one record without a key. */
struct ll_join_group {
	struct ll_join_item **item;
	size_t		 n;
	size_t		 cap;
	uint64_t	 hash;
	uint64_t	 first;		/* seq of the first record */
	int		 matched;
	int		 ready;		/* deduplicated and ordered */
	size_t		 klen;
	char		 key[];		/* a copy, for lookups in one miss */
};

struct ll_join_ops {
	/* A left record and its group (NULL when nothing matched). */
	void	(*probe)(void *, const char *, size_t, void *,
		    struct ll_join_group *);
	/* A right group no left record matched (only if asked for). */
	void	(*orphan)(void *, struct ll_join_group *);
	void	*arg;
};

struct ll_join;

struct ll_join *ll_join_new(const struct ll_join_ops *, size_t,
	    const char *, int);
void	ll_join_right(struct ll_join *, const struct ll_join_rec *);
void	ll_join_left(struct ll_join *, const struct ll_join_rec *, void *);
void	ll_join_finish(struct ll_join *);
void	ll_join_emit(struct ll_join *, const char *, size_t);
json_t	*ll_join_parse(const char *, size_t);
void	ll_join_sortkey(struct ll_buf *, const json_t *);

static inline const char *
ll_join_key(const struct ll_join_item *it)
{
	return (const char *)(it + 1);
}

static inline const char *
ll_join_body(const struct ll_join_item *it)
{
	return (const char *)(it + 1) + it->klen + it->slen + it->dlen;
}

#endif
