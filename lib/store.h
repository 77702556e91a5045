/*
 * The raw store: STORE/BUCKET/KEY, write-once.  Objects are written
 * under STORE/.ll-fetch.tmp/, made read-only, synced, and linked into
 * place only if nothing is there yet, so the tree holds complete
 * objects only and never loses one to a later, different object.
 * The ETag and SHA-256 ride along as extended attributes, which makes
 * "already here?" a stat and two getxattr calls.
 */
#ifndef LL_STORE_H
#define LL_STORE_H

#include <stddef.h>

struct ll_store {
	char		*root;
	char		*tmpdir;
	unsigned long	 seq;
};

enum ll_presence {
	LL_ABSENT,	/* nothing there: fetch it */
	LL_SAME,	/* the same object is stored */
	LL_DIFFERENT,	/* something else is stored under the name */
	LL_UNKNOWN,	/* a file is there, but only its bytes can tell */
	LL_PERROR	/* cannot look (errno) */
};

struct ll_stmp {
	int	 fd;
	char	*path;
};

void	ll_store_open(struct ll_store *, const char *);
void	ll_store_close(struct ll_store *);
const char *ll_store_unsafe(const char *, const char *, size_t);
char	*ll_store_path(const struct ll_store *, const char *, const char *);
enum ll_presence ll_store_check(const char *, long long, const char *,
	    char [65], char *, size_t);
int	ll_store_tmp(struct ll_store *, struct ll_stmp *);
int	ll_store_commit(struct ll_stmp *, const char *, const char *,
	    const char *);
void	ll_store_discard(struct ll_stmp *);

#endif
