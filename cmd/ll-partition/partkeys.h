/*
 * The row keys a partition directory holds, so that a row already
 * written, by this run or an earlier one, is left out.  Each data
 * file part-HASH.EXT has a sidecar .part-HASH.keys (lib/keyidx.h);
 * the sidecars are mapped while the partition is in use and the keys
 * of the file being written are held in memory.  HASH comes from the
 * keys, so the same rows always get the same name.
 */
#ifndef LL_PARTKEYS_H
#define LL_PARTKEYS_H

#include <stddef.h>

#include "io/afile.h"
#include "json/jscan.h"
#include "keyidx.h"

struct ll_partkeys {
	const char	*dir;		/* for messages */
	int		 dfd;		/* the folder, the caller's */
	struct ll_keyfile *kf;		/* sidecars of committed files */
	size_t		 nkf;
	struct ll_keyset open;		/* keys of the file being written */
	struct ll_jbuf	 scratch;	/* a key being made ready to hash */
	/* A lake on S3: is the data file of a sidecar's HASH there? */
	int		(*remote)(void *, const char *, size_t);
	void		*remote_arg;
};

/* Put after "part-" in new names (--shard), or NULL. */
extern char *ll_partkeys_tag;

void	ll_partkeys_load(struct ll_partkeys *, int, const char *);
int	ll_partkeys_add(struct ll_partkeys *, const struct ll_jval *);
size_t	ll_partkeys_commit(struct ll_partkeys *, struct ll_afile *,
	    const char *, char [21]);
void	ll_partkeys_unload(struct ll_partkeys *);

#endif
