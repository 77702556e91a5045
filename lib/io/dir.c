/* Folders without following links; temporary files and their sweep. */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/dir.h"
#include "xalloc.h"

#define DIRFLAGS	(O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
#define TMPMARK		".tmp."

/*
 * mkdir -p of a folder the user named, links in it followed as the
 * user meant them; folders below such a root are opened with
 * ll_dir_walk() instead.  Returns -1 with errno set on failure.
 */
int
ll_dir_mkdirs(const char *path, mode_t mode)
{
	char *p, *s;
	int r = 0;

	p = xstrdup(path);
	for (s = p + 1; *s != '\0' && r == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, mode) == -1 && errno != EEXIST)
			r = -1;
		*s = '/';
	}
	free(p);
	if (r == 0 && mkdir(path, mode) == -1 && errno != EEXIST)
		r = -1;
	return r;
}

/*
 * Opens the top folder PATH, made first (mode 0777, less the umask)
 * when CREATE and it is missing.  Links in PATH are followed: the user
 * named it.  Returns a descriptor, or -1 with errno set.
 */
int
ll_dir_root(const char *path, int create)
{
	int fd;

	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd != -1 || !create || errno != ENOENT)
		return fd;
	if (ll_dir_mkdirs(path, 0777) == -1)
		return -1;
	return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* Why NAME in AT could not be opened as a folder: a link, or not one. */
static int
why_not_dir(int at, const char *name, int e)
{
	struct stat st;

	if (e != ELOOP && e != ENOTDIR)
		return e;
	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode))
		return ELOOP;
	return ENOTDIR;
}

/*
 * Opens the folder REL (LEN bytes of plain names joined by '/') below
 * the folder AT, one name at a time, never following a link; with
 * CREATE, missing folders are made (0777 less the umask).  Returns a
 * descriptor, or -1 with errno set (ELOOP: a link, ENOTDIR: a file,
 * EINVAL: an empty, "." or ".." name) and *BAD, when not NULL, the
 * length of REL up to the end of the name that failed.
 */
int
ll_dir_walk(int at, const char *rel, size_t len, int create, size_t *bad)
{
	char name[NAME_MAX + 1];
	size_t i = 0, start, n;
	int fd, next, e;

	if ((fd = openat(at, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		goto fail;
	for (start = 0; start < len; start = i + 1) {
		for (i = start; i < len && rel[i] != '/'; i++)
			;
		n = i - start;
		if (n == 0 || n > NAME_MAX || (n == 1 && rel[start] == '.') ||
		    (n == 2 && rel[start] == '.' && rel[start + 1] == '.')) {
			errno = EINVAL;
			goto fail;
		}
		memcpy(name, rel + start, n);
		name[n] = '\0';
		next = openat(fd, name, DIRFLAGS);
		if (next == -1 && errno == ENOENT && create &&
		    (mkdirat(fd, name, 0777) == 0 || errno == EEXIST))
			next = openat(fd, name, DIRFLAGS);
		if (next == -1) {
			errno = why_not_dir(fd, name, errno);
			goto fail;
		}
		close(fd);
		fd = next;
	}
	return fd;
fail:
	e = errno;
	if (fd != -1)
		close(fd);
	if (bad != NULL)
		*bad = i;
	errno = e;
	return -1;
}

/* strerror(), but a link that was not followed says so. */
const char *
ll_dir_strerror(int e)
{
	if (e == ELOOP)
		return "a symbolic link; not followed";
	if (e == EINVAL)
		return "not a plain relative path";
	return strerror(e);
}

/*
 * Creates a temporary file HEAD.tmp.XXXXXX in the folder DFD, with
 * MODE less the umask, locked while it is open; its name goes to NAME
 * (SIZE bytes).  Returns the descriptor, or -1 with errno set.  A
 * sweep in another process may take the name between the create and
 * the lock: the name is checked to still be this file's afterwards.
 */
int
ll_dir_tmp(int dfd, const char *head, mode_t mode, char *name, size_t size)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	struct stat a, b;
	size_t n, i;
	int fd, tries;

	n = (size_t)snprintf(name, size, "%s" TMPMARK "XXXXXX", head);
	if (n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (tries = 0; tries < 100; tries++) {
		for (i = n - LL_DIR_TMPSUFFIX; i < n; i++)
			name[i] = set[arc4random_uniform(sizeof(set) - 1)];
		fd = openat(dfd, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, mode);
		if (fd == -1 && errno == EEXIST)
			continue;
		if (fd == -1)
			return -1;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &a) == 0 &&
		    fstatat(dfd, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return fd;
		close(fd);
	}
	errno = EEXIST;
	return -1;
}

/*
 * Whether NAME is a temporary name made by ll_dir_tmp() from HEAD, or
 * with ANYMID from HEAD followed by anything.
 */
int
ll_dir_is_tmp(const char *name, const char *head, int anymid)
{
	size_t n, h, t, i;

	n = strlen(name);
	h = strlen(head);
	t = strlen(TMPMARK) + LL_DIR_TMPSUFFIX;
	if (n < h + t || strncmp(name, head, h) != 0 ||
	    (!anymid && n != h + t) ||
	    strncmp(name + n - t, TMPMARK, strlen(TMPMARK)) != 0)
		return 0;
	for (i = n - LL_DIR_TMPSUFFIX; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9')))
			return 0;
	return 1;
}

/*
 * Removes from the folder DFD the files whose names MATCH (with ARG)
 * and whose writer is gone: regular files only, never through a link,
 * and only those no live writer holds locked.  Returns how many.
 */
unsigned
ll_dir_sweep(int dfd, int (*match)(const char *, void *), void *arg)
{
	struct dirent *de;
	struct stat st, fst;
	unsigned removed = 0;
	DIR *dp;
	int fd;

	if ((fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return 0;
	if ((dp = fdopendir(fd)) == NULL) {
		close(fd);
		return 0;
	}
	while ((de = readdir(dp)) != NULL) {
		if (!match(de->d_name, arg) || fstatat(dfd, de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == -1 || !S_ISREG(st.st_mode))
			continue;
		fd = openat(dfd, de->d_name, O_RDONLY | O_NOFOLLOW |
		    O_NONBLOCK | O_CLOEXEC);
		if (fd == -1)
			continue;
		if (fstat(fd, &fst) == 0 && S_ISREG(fst.st_mode) &&
		    fst.st_ino == st.st_ino && flock(fd, LOCK_EX |
		    LOCK_NB) == 0 && unlinkat(dfd, de->d_name, 0) == 0)
			removed++;
		close(fd);
	}
	closedir(dp);
	return removed;
}

/*
 * The process's umask.  Reading it means setting it, so the first
 * call must come before any thread is started; later calls read the
 * value kept.
 */
mode_t
ll_dir_umask(void)
{
	static mode_t mask;
	static int known;

	if (!known) {
		mask = umask(0);
		umask(mask);
		known = 1;
	}
	return mask;
}
