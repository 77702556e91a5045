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

#include <sys/types.h>

#include <stddef.h>

/* The folders of the path opened last, kept open for the next one. */
struct ll_dircache {
	char		*rel;		/* that path (not NUL-terminated) */
	size_t		 len;		/* how much of it is open */
	int		*fds;		/* one a name */
	size_t		*ends;		/* where each name ends in rel */
	size_t		 n;
};

struct ll_store {
	char		*root;
	char		*tmpdir;	/* for messages */
	int		 rootfd;
	int		 tmpfd;
	mode_t		 objmode;	/* 0444 less the umask */
	struct ll_dircache checkdir;	/* for ll_store_check() */
	unsigned long	 seq;
};

enum ll_presence {
	LL_ABSENT,	/* nothing there: fetch it */
	LL_SAME,	/* the same object is stored */
	LL_DIFFERENT,	/* something else is stored under the name */
	LL_UNKNOWN,	/* a file is there, but only its bytes can tell */
	LL_LINK,	/* a symbolic link is in the way: refused */
	LL_PERROR	/* cannot look (errno) */
};

struct ll_stmp {
	int	 fd;
	int	 anon;		/* O_TMPFILE: no name until linked */
	int	 dfd;		/* the temporary folder */
	char	*path;		/* for messages */
	const char *name;	/* in dfd: the end of path */
};

enum ll_cresult { LL_C_STORED, LL_C_SAME, LL_C_DIFFERENT, LL_C_ERROR };

/*
 * One object for the writer threads: its first MEMLEN bytes in MEM,
 * any more already in TMP at offset MEMLEN.  They store it (or, when
 * PRES is LL_UNKNOWN or the name got taken, compare it with what is
 * there) and report RESULT, with ERR and OP on LL_C_ERROR.
 */
struct ll_commit {
	struct ll_stmp	 tmp;
	const struct ll_store *store;
	const char	*path;
	const char	*etag;
	const char	*sha;
	const char	*mem;
	size_t		 memlen;
	enum ll_presence pres;
	enum ll_cresult	 result;
	int		 err;
	const char	*op;		/* NULL: a folder on the way failed */
	size_t		 bad;		/* ... the first BAD bytes of path */
	void		*arg;
};

void	ll_store_open(struct ll_store *, const char *);
void	ll_store_close(struct ll_store *);
const char *ll_store_unsafe(const char *, const char *, size_t);
char	*ll_store_path(const struct ll_store *, const char *, const char *);
enum ll_presence ll_store_check(struct ll_store *, const char *,
	    long long, const char *, char [65], char *, size_t);
int	ll_store_tmp(struct ll_store *, struct ll_stmp *);
void	ll_store_tmpname(struct ll_store *, struct ll_stmp *);
void	ll_store_discard(struct ll_stmp *);
int	ll_store_writer_start(int);
void	ll_store_writer_submit(struct ll_commit *);
struct ll_commit *ll_store_writer_done(void);
unsigned ll_store_writer_pending(void);
void	ll_store_writer_stop(void);

#endif
