/*
 * Folders walked without following symbolic links.  A tool opens the
 * top folder the user named once (a link there is the user's choice),
 * then every folder below it a component at a time, relative to its
 * parent's descriptor, with O_NOFOLLOW: a link planted inside a store
 * or a lake can never send a write, a removal or a lock elsewhere.
 * Temporary files carry an flock(2) for as long as their writer
 * lives, so a later run can tell a killed run's leftovers (lockable)
 * from files being written (locked) and remove only the former.
 */
#ifndef LL_DIR_H
#define LL_DIR_H

#include <sys/types.h>

#include <stddef.h>

#define LL_DIR_TMPSUFFIX 6	/* random characters ending a temp name */

int	ll_dir_mkdirs(const char *, mode_t);
int	ll_dir_root(const char *, int);
int	ll_dir_walk(int, const char *, size_t, int, size_t *);
const char *ll_dir_strerror(int);
int	ll_dir_tmp(int, const char *, mode_t, char *, size_t);
int	ll_dir_is_tmp(const char *, const char *, int);
unsigned ll_dir_sweep(int, int (*)(const char *, void *), void *);
mode_t	ll_dir_umask(void);

#endif
