/*
 * Sharding a job across machines with no coordinator: each of COUNT
 * children, numbered from 0, takes the objects whose account and
 * region hash to its number.  The number comes from --shard
 * INDEX/COUNT or from the environment an engine sets (AWS Batch array
 * jobs, Kubernetes Indexed Jobs, Cloud Run jobs); ll(7), SHARDING.
 */
#ifndef LL_SHARD_H
#define LL_SHARD_H

#include <stddef.h>
#include <stdint.h>

struct ll_shard {
	unsigned long	 index;		/* 0 to count - 1 */
	unsigned long	 count;		/* 1: not sharded */
	const char	*from;		/* where index came from, or NULL */
};

#define LL_SHARD_MAX	100000UL	/* AWS Batch allows 10,000 */

void	ll_shard_resolve(struct ll_shard *, const char *, const char *);
uint32_t ll_shard_hash(const char *, size_t);
unsigned long ll_shard_of(const struct ll_shard *, const char *, size_t);
int	ll_shard_mine(const struct ll_shard *, const char *, size_t);
void	ll_shard_parse(struct ll_shard *, const char *, const char *);

#endif
