/*
 * Write-once object store.  A temporary file holds an flock(2) for
 * as long as its writer lives, so the next run can tell the leftovers
 * of a killed run (lockable) from files still being written (locked)
 * and remove only the former.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"
#include "hash.h"
#include "ll.h"
#include "store.h"
#include "xalloc.h"

#define TMPDIR_NAME	".ll-fetch.tmp"
#define XA_ETAG		"user.ll.etag"
#define XA_SHA256	"user.ll.sha256"

/* Removes temporary files whose writer is gone. */
static void
sweep(const char *dir)
{
	struct dirent *d;
	DIR *dp;
	char *p;
	int fd;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		p = xasprintf("%s/%s", dir, d->d_name);
		fd = open(p, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (fd != -1 && flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlink(p);
		if (fd != -1)
			close(fd);
		free(p);
	}
	closedir(dp);
}

void
ll_store_open(struct ll_store *s, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	s->root = xstrndup(root, n);
	s->tmpdir = xasprintf("%s/%s", s->root, TMPDIR_NAME);
	s->seq = 0;
	if (ll_mkdirs(s->tmpdir, 0755) == -1)
		err(LL_EXIT_IO, "%s", s->tmpdir);
	sweep(s->tmpdir);
}

void
ll_store_close(struct ll_store *s)
{
	free(s->root);
	free(s->tmpdir);
	s->root = s->tmpdir = NULL;
}

/*
 * Why BUCKET/KEY cannot be a path below the store, or NULL.  Every
 * segment must be a plain name: no empty, "." or ".." segments, no
 * leading '/', no NUL or control characters.
 */
const char *
ll_store_unsafe(const char *bucket, const char *key, size_t keylen)
{
	size_t i, start, n;
	unsigned char c;

	n = strlen(bucket);
	if (n == 0 || bucket[0] == '.' || strchr(bucket, '/') != NULL)
		return "unsafe bucket name";
	for (i = 0; i < n; i++)
		if ((unsigned char)bucket[i] < 0x20 || bucket[i] == 0x7f)
			return "control character in the bucket name";
	if (keylen == 0)
		return "empty key";
	for (i = 0; i < keylen; i++) {
		c = (unsigned char)key[i];
		if (c < 0x20 || c == 0x7f)
			return "control character in the key";
	}
	for (start = 0; start <= keylen; start = i + 1) {
		for (i = start; i < keylen && key[i] != '/'; i++)
			;
		n = i - start;
		if (n == 0)
			return start == 0 ? "key starts with '/'" :
			    "empty segment in the key";
		if ((n == 1 && key[start] == '.') ||
		    (n == 2 && key[start] == '.' && key[start + 1] == '.'))
			return "'.' or '..' segment in the key";
		if (n > 255)
			return "key segment longer than 255 bytes";
	}
	return NULL;
}

char *
ll_store_path(const struct ll_store *s, const char *bucket, const char *key)
{
	return xasprintf("%s/%s/%s", s->root, bucket, key);
}

static ssize_t
getattr(const char *path, const char *name, char *buf, size_t size)
{
	ssize_t n;

	n = getxattr(path, name, buf, size - 1);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static int
is_md5(const char *etag)
{
	size_t i;

	for (i = 0; etag[i] != '\0'; i++)
		if (!((etag[i] >= '0' && etag[i] <= '9') ||
		    (etag[i] >= 'a' && etag[i] <= 'f')))
			return 0;
	return i == 32;
}

/*
 * Is the object (SIZE bytes, ETAG; -1 and NULL when unknown) stored
 * at PATH?  On LL_SAME, SHA gets the stored file's digest; on
 * LL_DIFFERENT, WHY says how it differs.
 */
enum ll_presence
ll_store_check(const char *path, long long size, const char *etag,
    char sha[65], char *why, size_t whylen)
{
	struct stat st;
	char xetag[256], md5[33];
	int fd, vouched = 0;

	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			return LL_ABSENT;
		if (errno == ENOTDIR) {
			snprintf(why, whylen, "a parent of the path is a file");
			return LL_DIFFERENT;
		}
		return LL_PERROR;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "not a regular file");
		return LL_DIFFERENT;
	}
	if (size >= 0 && (long long)st.st_size != size) {
		snprintf(why, whylen, "stored copy has %lld bytes, the object "
		    "%lld", (long long)st.st_size, size);
		return LL_DIFFERENT;
	}
	if (etag != NULL && getattr(path, XA_ETAG, xetag, sizeof(xetag)) >= 0) {
		if (strcmp(xetag, etag) != 0) {
			snprintf(why, whylen, "stored copy has ETag %s, the "
			    "object %s", xetag, etag);
			return LL_DIFFERENT;
		}
		if (getattr(path, XA_SHA256, sha, 65) == 64)
			return LL_SAME;
		vouched = 1;
	} else if (etag == NULL || !is_md5(etag))
		return LL_UNKNOWN;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return LL_PERROR;
	if (ll_hash_file(fd, sha, md5) == -1) {
		close(fd);
		return LL_PERROR;
	}
	close(fd);
	/* Without the attribute, a differing MD5 may be an SSE-KMS ETag. */
	return vouched || strcmp(md5, etag) == 0 ? LL_SAME : LL_UNKNOWN;
}

int
ll_store_tmp(struct ll_store *s, struct ll_stmp *t)
{
	t->path = xasprintf("%s/%ld-%lu", s->tmpdir, (long)getpid(),
	    s->seq++);
	t->fd = open(t->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (t->fd == -1 || flock(t->fd, LOCK_EX | LOCK_NB) == -1) {
		if (t->fd != -1) {
			close(t->fd);
			unlink(t->path);
		}
		free(t->path);
		t->path = NULL;
		t->fd = -1;
		return -1;
	}
	return 0;
}

static int
parent_dirs(const char *path)
{
	char *dir, *slash;
	int r;

	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	r = 0;
	if (slash != NULL && slash != dir) {
		*slash = '\0';
		r = ll_mkdirs(dir, 0755);
	}
	free(dir);
	return r;
}

/*
 * Makes the temporary file PATH: read-only, attributes set, synced,
 * then linked, which fails with EEXIST rather than replace anything.
 * On failure the temporary file stays for the caller to discard.
 */
int
ll_store_commit(struct ll_stmp *t, const char *path, const char *etag,
    const char *sha)
{
	if (fchmod(t->fd, 0444) == -1)
		return -1;
	if (etag != NULL)
		(void)fsetxattr(t->fd, XA_ETAG, etag, strlen(etag), 0);
	(void)fsetxattr(t->fd, XA_SHA256, sha, strlen(sha), 0);
	if (fsync(t->fd) == -1)
		return -1;
	if (parent_dirs(path) == -1)
		return -1;
	if (link(t->path, path) == -1)
		return -1;
	ll_store_discard(t);
	return 0;
}

void
ll_store_discard(struct ll_stmp *t)
{
	if (t->path != NULL)
		unlink(t->path);
	if (t->fd != -1)
		close(t->fd);
	free(t->path);
	t->path = NULL;
	t->fd = -1;
}
