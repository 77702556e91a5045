/*
 * Write-once object store.  A temporary file holds an flock(2) for
 * as long as its writer lives, so the next run can tell the leftovers
 * of a killed run (lockable) from files still being written (locked)
 * and remove only the former.  Every folder below the store's root is
 * opened relative to its parent without following a link
 * (lib/io/dir.h): a link planted in the store is refused, never
 * written through.
 */
/* O_TMPFILE and linkat(AT_SYMLINK_FOLLOW) are Linux's. */
#define _GNU_SOURCE

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/dir.h"
#include "io/hash.h"
#include "ll.h"
#include "store.h"
#include "xalloc.h"

#define TMPDIR_NAME	".ll-fetch.tmp"
#define XA_ETAG		"user.ll.etag"
#define XA_SHA256	"user.ll.sha256"

/* Closes the folders of DC from the Nth on. */
static void
dircache_cut(struct ll_dircache *dc, size_t n)
{
	while (dc->n > n)
		close(dc->fds[--dc->n]);
	dc->len = dc->n > 0 ? dc->ends[dc->n - 1] : 0;
}

static void
dircache_clear(struct ll_dircache *dc)
{
	dircache_cut(dc, 0);
	free(dc->rel);
	free(dc->fds);
	free(dc->ends);
	memset(dc, 0, sizeof(*dc));
}

/* The temporary names this tool makes: PID-SEQ. */
static int
is_tmp(const char *name, void *arg)
{
	const char *p = name;

	(void)arg;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p++ != '-' || *p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0';
}

/*
 * Opens the store ROOT (made if missing; a link there is the user's
 * choice) and its temporary folder, which must be a real folder, and
 * removes what killed runs left in it.  Exits 3 on failure.
 */
void
ll_store_open(struct ll_store *s, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	s->root = xstrndup(root, n);
	s->tmpdir = xasprintf("%s/%s", s->root, TMPDIR_NAME);
	s->seq = 0;
	memset(&s->checkdir, 0, sizeof(s->checkdir));
	s->objmode = 0444 & ~ll_dir_umask();
	if ((s->rootfd = ll_dir_root(s->root, 1)) == -1)
		err(LL_EXIT_IO, "%s", s->root);
	if ((s->tmpfd = ll_dir_walk(s->rootfd, TMPDIR_NAME,
	    strlen(TMPDIR_NAME), 1, NULL)) == -1)
		errx(LL_EXIT_IO, "%s: %s", s->tmpdir, ll_dir_strerror(errno));
	(void)ll_dir_sweep(s->tmpfd, is_tmp, NULL);
}

/*
 * Each object's data is synced before its name is linked, but not the
 * directory holding the name: the names are made durable here, once,
 * so that a finished run's manifest names only objects a power cut
 * cannot take back, without a directory fsync per object.
 */
void
ll_store_close(struct ll_store *s)
{
	if (s->root == NULL)
		return;		/* --cat: no store */
	if (syncfs(s->rootfd) == -1) {
		warn("%s: sync", s->root);
		ll_fail(LL_EXIT_IO);
	}
	dircache_clear(&s->checkdir);
	close(s->rootfd);
	close(s->tmpfd);
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

/* PATH (a store path) below the root, as the folders walk it. */
static const char *
rel_of(const struct ll_store *s, const char *path)
{
	return path + strlen(s->root) + 1;
}

/* The length of REL's folder part (up to the last '/'), and its leaf. */
static size_t
dir_len(const char *rel, const char **leaf)
{
	const char *slash = strrchr(rel, '/');

	*leaf = slash != NULL ? slash + 1 : rel;
	return slash != NULL ? (size_t)(slash - rel) : 0;
}

/*
 * The folder REL (LEN bytes) below the root.  DC keeps open the
 * folders of the path opened last, one descriptor a name: objects come
 * mostly in key order, so the next path shares most of its folders and
 * only the names that differ are opened.  The descriptor stays DC's.
 */
static int
cached_dir(struct ll_dircache *dc, int rootfd, const char *rel, size_t len,
    int create, size_t *bad)
{
	size_t k, start, end;
	int fd;

	/* Keep the folders whose path is a prefix of REL, name by name. */
	for (k = 0; k < dc->n; k++) {
		end = dc->ends[k];
		if (end > len || (end < len && rel[end] != '/') ||
		    memcmp(dc->rel, rel, end) != 0)
			break;
	}
	dircache_cut(dc, k);
	dc->rel = xrealloc(dc->rel, len + 1);
	memcpy(dc->rel, rel, len);
	for (start = dc->len > 0 ? dc->len + 1 : 0; start < len;
	    start = end + 1) {
		for (end = start; end < len && rel[end] != '/'; end++)
			;
		fd = ll_dir_walk(dc->n > 0 ? dc->fds[dc->n - 1] : rootfd,
		    rel + start, end - start, create, NULL);
		if (fd == -1) {
			if (bad != NULL)
				*bad = end;
			return -1;
		}
		dc->fds = xreallocarray(dc->fds, dc->n + 1, sizeof(*dc->fds));
		dc->ends = xreallocarray(dc->ends, dc->n + 1,
		    sizeof(*dc->ends));
		dc->fds[dc->n] = fd;
		dc->ends[dc->n++] = end;
		dc->len = end;
	}
	return dc->n > 0 ? dc->fds[dc->n - 1] : rootfd;
}

static ssize_t
getattr(int fd, const char *name, char *buf, size_t size)
{
	ssize_t n;

	n = fgetxattr(fd, name, buf, size - 1);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* What the name holds, looked at through an open descriptor FD. */
static enum ll_presence
compare(int fd, const struct stat *st, long long size, const char *etag,
    char sha[65], char *why, size_t whylen)
{
	char xetag[256], md5[33];
	int vouched = 0;

	if (size >= 0 && (long long)st->st_size != size) {
		snprintf(why, whylen, "stored copy has %lld bytes, the object "
		    "%lld", (long long)st->st_size, size);
		return LL_DIFFERENT;
	}
	if (etag != NULL && getattr(fd, XA_ETAG, xetag, sizeof(xetag)) >= 0) {
		if (strcmp(xetag, etag) != 0) {
			snprintf(why, whylen, "stored copy has ETag %s, the "
			    "object %s", xetag, etag);
			return LL_DIFFERENT;
		}
		if (getattr(fd, XA_SHA256, sha, 65) == 64)
			return LL_SAME;
		vouched = 1;
	} else if (etag == NULL || !ll_hash_is_md5(etag))
		return LL_UNKNOWN;
	if (ll_hash_file(fd, sha, md5) == -1)
		return LL_PERROR;
	/* Without the attribute, a differing MD5 may be an SSE-KMS ETag. */
	return vouched || strcmp(md5, etag) == 0 ? LL_SAME : LL_UNKNOWN;
}

/*
 * Is the object (SIZE bytes, ETAG; -1 and NULL when unknown) stored
 * at PATH?  On LL_SAME, SHA gets the stored file's digest; on
 * LL_DIFFERENT, WHY says how it differs, and on LL_LINK which link
 * is in the way.  Nothing is followed through a link.
 */
enum ll_presence
ll_store_check(struct ll_store *s, const char *path, long long size,
    const char *etag, char sha[65], char *why, size_t whylen)
{
	struct stat st;
	const char *rel, *leaf;
	enum ll_presence pres;
	size_t bad;
	int dfd, fd;

	rel = rel_of(s, path);
	if ((dfd = cached_dir(&s->checkdir, s->rootfd, rel, dir_len(rel,
	    &leaf), 0, &bad)) == -1) {
		if (errno == ENOENT)
			return LL_ABSENT;
		if (errno == ENOTDIR) {
			snprintf(why, whylen, "a parent of the path is a file");
			return LL_DIFFERENT;
		}
		if (errno != ELOOP)
			return LL_PERROR;
		snprintf(why, whylen, "%.*s: %s", (int)(rel - path + bad),
		    path, ll_dir_strerror(ELOOP));
		return LL_LINK;
	}
	pres = LL_PERROR;
	if (fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == -1) {
		if (errno == ENOENT)
			pres = LL_ABSENT;
	} else if (S_ISLNK(st.st_mode)) {
		snprintf(why, whylen, "%s: %s", path, ll_dir_strerror(ELOOP));
		pres = LL_LINK;
	} else if (!S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "not a regular file");
		pres = LL_DIFFERENT;
	} else if ((fd = openat(dfd, leaf, O_RDONLY | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC)) != -1) {
		pres = compare(fd, &st, size, etag, sha, why, whylen);
		close(fd);
	}
	return pres;
}

/* Names a temporary file; the writer threads create it. */
void
ll_store_tmpname(struct ll_store *s, struct ll_stmp *t)
{
	t->path = xasprintf("%s/%ld-%lu", s->tmpdir, (long)getpid(),
	    s->seq++);
	t->name = strrchr(t->path, '/') + 1;
	t->dfd = s->tmpfd;
	t->fd = -1;
}

/*
 * An unnamed file (O_TMPFILE) where the file system has them: nothing
 * is left behind if the process dies, and creating one does not
 * touch the temporary directory.  Otherwise a named file, locked so
 * that the next run knows when its writer is gone; a sweep by another
 * run between the create and the lock is caught by checking that the
 * name is still this file's.
 */
static int
tmp_create(struct ll_stmp *t)
{
	struct stat a, b;

	t->fd = openat(t->dfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (t->fd != -1) {
		t->anon = 1;
		return 0;
	}
	t->anon = 0;
	t->fd = openat(t->dfd, t->name, O_RDWR | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0600);
	if (t->fd == -1)
		return -1;
	if (flock(t->fd, LOCK_EX | LOCK_NB) == -1 || fstat(t->fd, &a) == -1 ||
	    fstatat(t->dfd, t->name, &b, AT_SYMLINK_NOFOLLOW) == -1 ||
	    a.st_ino != b.st_ino) {
		if (errno == 0)
			errno = EEXIST;
		close(t->fd);
		t->fd = -1;
		return -1;
	}
	return 0;
}

/* Gives the temporary file the name LEAF in DFD, failing if it is taken. */
static int
tmp_link(const struct ll_stmp *t, int dfd, const char *leaf)
{
	char proc[64];

	if (!t->anon)
		return linkat(t->dfd, t->name, dfd, leaf, 0);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", t->fd);
	return linkat(AT_FDCWD, proc, dfd, leaf, AT_SYMLINK_FOLLOW);
}

int
ll_store_tmp(struct ll_store *s, struct ll_stmp *t)
{
	ll_store_tmpname(s, t);
	if (tmp_create(t) == -1) {
		free(t->path);
		t->path = NULL;
		return -1;
	}
	return 0;
}

static int
write_at(int fd, const char *p, size_t n, off_t off)
{
	ssize_t w;

	while (n > 0) {
		w = pwrite(fd, p, n, off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			return -1;
		p += w;
		n -= (size_t)w;
		off += w;
	}
	return 0;
}

#define FAIL(what) do { c->err = errno; c->op = (what); goto error; } \
	while (0)

/*
 * Stores one object: read-only (0444 less the umask), attributes set,
 * synced, then linked into its folder, opened from the store's root
 * without following a link and made if missing; the link fails with
 * EEXIST rather than replace anything.  A name that is taken (or an
 * object whose presence only its bytes can tell) is compared with what
 * is stored instead.  Runs in a writer thread.
 */
static void
commit(struct ll_commit *c, struct ll_dircache *dc)
{
	const struct ll_store *s = c->store;
	const char *rel, *leaf;
	char sha[65];
	size_t bad;
	int fd, dfd;

	rel = rel_of(s, c->path);
	dfd = cached_dir(dc, s->rootfd, rel, dir_len(rel, &leaf), 1, &bad);
	if (dfd == -1 && errno == ENOTDIR) {
		c->result = LL_C_DIFFERENT;	/* a parent is a file */
		return;
	}
	if (dfd == -1) {
		c->bad = (size_t)(rel - c->path) + bad;
		FAIL(NULL);
	}
	if (c->pres == LL_ABSENT) {
		if (c->tmp.fd == -1 && tmp_create(&c->tmp) == -1)
			FAIL("create");
		if (write_at(c->tmp.fd, c->mem, c->memlen, 0) == -1)
			FAIL("write");
		if (fchmod(c->tmp.fd, s->objmode) == -1)
			FAIL("chmod");
		if (c->etag != NULL)
			(void)fsetxattr(c->tmp.fd, XA_ETAG, c->etag,
			    strlen(c->etag), 0);
		(void)fsetxattr(c->tmp.fd, XA_SHA256, c->sha, strlen(c->sha),
		    0);
		/* The attributes are a cache: losing them costs a compare. */
		if (fdatasync(c->tmp.fd) == -1)
			FAIL("fsync");
		if (tmp_link(&c->tmp, dfd, leaf) == 0) {
			c->result = LL_C_STORED;
			return;
		}
		if (errno != EEXIST)
			FAIL("link");
	}
	/* Compare with whatever holds the name; a link is not followed. */
	fd = openat(dfd, leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1 && errno == ELOOP) {
		c->bad = strlen(c->path);
		FAIL(NULL);
	}
	if (fd == -1 || ll_hash_file(fd, sha, NULL) == -1) {
		if (fd != -1)
			close(fd);
		c->result = LL_C_DIFFERENT;
		return;
	}
	close(fd);
	c->result = strcmp(sha, c->sha) == 0 ? LL_C_SAME : LL_C_DIFFERENT;
	return;
error:
	c->result = LL_C_ERROR;
}

/*
 * The writer threads.  Disk work (create, fsync, link) takes
 * milliseconds per object on a journalled file system; done on the
 * event loop it would stall every transfer, so it runs here, and the
 * loop learns of finished commits through a pipe.
 */
static pthread_mutex_t wmu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wcv = PTHREAD_COND_INITIALIZER;

static struct {
	struct ll_commit **q;
	size_t		  qhead, qlen, qcap;
	unsigned	  pending;
	int		  stop;
	int		  pipe[2];
	pthread_t	 *threads;
	int		  nthreads;
} wr;

static void *
writer(void *arg)
{
	struct ll_dircache dc;
	struct ll_commit *c;
	ssize_t w;

	(void)arg;
	memset(&dc, 0, sizeof(dc));
	for (;;) {
		pthread_mutex_lock(&wmu);
		while (wr.qlen == 0 && !wr.stop)
			pthread_cond_wait(&wcv, &wmu);
		if (wr.qlen == 0) {
			pthread_mutex_unlock(&wmu);
			dircache_clear(&dc);
			return NULL;
		}
		c = wr.q[wr.qhead];
		wr.qhead = (wr.qhead + 1) % wr.qcap;
		wr.qlen--;
		pthread_mutex_unlock(&wmu);
		commit(c, &dc);
		do
			w = write(wr.pipe[1], &c, sizeof(c));
		while (w == -1 && errno == EINTR);
		if (w != (ssize_t)sizeof(c))
			err(LL_EXIT_IO, "writer pipe");
	}
}

/* Starts N writer threads; returns the descriptor to poll. */
int
ll_store_writer_start(int n)
{
	int i;

	if (pipe(wr.pipe) == -1)
		err(LL_EXIT_IO, "pipe");
	fcntl(wr.pipe[0], F_SETFL, O_NONBLOCK);
	fcntl(wr.pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(wr.pipe[1], F_SETFD, FD_CLOEXEC);
	wr.threads = xcalloc((size_t)n, sizeof(*wr.threads));
	for (i = 0; i < n; i++)
		if ((errno = pthread_create(&wr.threads[i], NULL, writer,
		    NULL)) != 0)
			err(LL_EXIT_IO, "pthread_create");
	wr.nthreads = n;
	return wr.pipe[0];
}

void
ll_store_writer_submit(struct ll_commit *c)
{
	struct ll_commit **nq;
	size_t i;

	pthread_mutex_lock(&wmu);
	if (wr.qlen == wr.qcap) {
		nq = xreallocarray(NULL, wr.qcap * 2 + 16, sizeof(*nq));
		for (i = 0; i < wr.qlen; i++)
			nq[i] = wr.q[(wr.qhead + i) % wr.qcap];
		free(wr.q);
		wr.q = nq;
		wr.qhead = 0;
		wr.qcap = wr.qcap * 2 + 16;
	}
	wr.q[(wr.qhead + wr.qlen) % wr.qcap] = c;
	wr.qlen++;
	wr.pending++;
	pthread_cond_signal(&wcv);
	pthread_mutex_unlock(&wmu);
}

/* A finished commit, or NULL when none is waiting. */
struct ll_commit *
ll_store_writer_done(void)
{
	struct ll_commit *c;
	ssize_t r;

	if (wr.nthreads == 0)
		return NULL;
	do
		r = read(wr.pipe[0], &c, sizeof(c));
	while (r == -1 && errno == EINTR);
	if (r != (ssize_t)sizeof(c))
		return NULL;
	pthread_mutex_lock(&wmu);
	wr.pending--;
	pthread_mutex_unlock(&wmu);
	return c;
}

unsigned
ll_store_writer_pending(void)
{
	unsigned n;

	pthread_mutex_lock(&wmu);
	n = wr.pending;
	pthread_mutex_unlock(&wmu);
	return n;
}

void
ll_store_writer_stop(void)
{
	int i;

	if (wr.nthreads == 0)
		return;
	pthread_mutex_lock(&wmu);
	wr.stop = 1;
	pthread_cond_broadcast(&wcv);
	pthread_mutex_unlock(&wmu);
	for (i = 0; i < wr.nthreads; i++)
		pthread_join(wr.threads[i], NULL);
	free(wr.threads);
	free(wr.q);
	close(wr.pipe[0]);
	close(wr.pipe[1]);
	wr.nthreads = 0;
}

void
ll_store_discard(struct ll_stmp *t)
{
	if (t->path != NULL && !t->anon && t->fd != -1)
		unlinkat(t->dfd, t->name, 0);
	if (t->fd != -1)
		close(t->fd);
	free(t->path);
	t->path = NULL;
	t->fd = -1;
}
