/*
 * Plumbing for the fuzz targets.  Standard output and the --reject
 * file are memory files, so a target can check what a parser wrote
 * without touching the disk; standard input is refilled per run from
 * a memory file or a pipe, since the input layer decides its paths by
 * what kind of file it reads.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/stat.h>

#include <err.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "harness.h"
#include "io/out.h"
#include "ll.h"
#include "xalloc.h"

#define PIPE_CAP	(1 << 20)

int	LLVMFuzzerInitialize(int *, char ***);

static int errfd = STDERR_FILENO;
static int rejfd = -1;
static off_t rejseen;
static char rejpath[64];
static char *outcopy, *rejcopy;
static size_t outcap, rejcap;

static int
memfile(const char *name)
{
	int fd;

	if ((fd = memfd_create(name, 0)) == -1)
		err(1, "memfd_create");
	return fd;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc;
	(void)argv;
	/* libFuzzer's -close_fd_mask=2 closes stderr later; keep a copy. */
	if ((errfd = dup(STDERR_FILENO)) == -1)
		err(1, "dup");
	ll_init("ll-fuzz");
	fd = memfile("stdout");
	if (dup2(fd, STDOUT_FILENO) == -1)
		err(1, "dup2");
	close(fd);
	ll_out_unbuffered(0);
	rejfd = memfile("reject");
	snprintf(rejpath, sizeof(rejpath), "/proc/self/fd/%d", rejfd);
	ll_reject_open(rejpath);
	return 0;
}

/*
 * Puts the bytes on standard input.  A pipe holds at most PIPE_CAP
 * bytes (written before reading starts); the number fed is returned.
 */
size_t
fuzz_stdin(const uint8_t *p, size_t n, enum fuzz_feed how)
{
	int fd[2];
	ssize_t w;
	size_t done;

	if (how == FEED_PIPE) {
		if (pipe(fd) == -1)
			err(1, "pipe");
		(void)fcntl(fd[1], F_SETPIPE_SZ, PIPE_CAP);
		if (n > PIPE_CAP)
			n = PIPE_CAP;
	} else {
		fd[0] = fd[1] = memfile("stdin");
	}
	for (done = 0; done < n; done += (size_t)w)
		if ((w = write(fd[1], p + done, n - done)) <= 0)
			err(1, "fuzz input");
	if (how == FEED_PIPE)
		close(fd[1]);
	else if (lseek(fd[0], 0, SEEK_SET) == -1)
		err(1, "lseek");
	if (dup2(fd[0], STDIN_FILENO) == -1)
		err(1, "dup2");
	close(fd[0]);
	return n;
}

static const char *
slurp(int fd, off_t from, off_t to, char **buf, size_t *cap, size_t *lenp)
{
	size_t n = to > from ? (size_t)(to - from) : 0;

	if (n + 1 > *cap) {
		*cap = n + 1;
		*buf = xrealloc(*buf, *cap);
	}
	if (n > 0 && pread(fd, *buf, n, from) != (ssize_t)n)
		err(1, "pread");
	(*buf)[n] = '\0';
	*lenp = n;
	return *buf;
}

/* Everything written with ll_out_* since the last fuzz_reset(). */
const char *
fuzz_output(size_t *lenp)
{
	struct stat st;

	ll_out_flush();
	if (fstat(STDOUT_FILENO, &st) == -1)
		err(1, "fstat");
	return slurp(STDOUT_FILENO, 0, st.st_size, &outcopy, &outcap, lenp);
}

/*
 * Everything written to the --reject file since the last call.  The
 * file keeps its write offset, so the part already read is cut to a
 * hole rather than rewound.
 */
const char *
fuzz_rejects(size_t *lenp)
{
	struct stat st;
	const char *r;

	fflush(NULL);
	if (fstat(rejfd, &st) == -1)
		err(1, "fstat");
	r = slurp(rejfd, rejseen, st.st_size, &rejcopy, &rejcap, lenp);
	if (st.st_size > rejseen)
		rejseen = st.st_size;
	if (ftruncate(rejfd, 0) == -1)
		err(1, "ftruncate");
	return r;
}

/* How often REASON was counted in this run. */
uintmax_t
fuzz_reason(const char *reason)
{
	json_t *v;

	v = json_object_get(ll_stats.reasons, reason);
	return v != NULL ? (uintmax_t)json_integer_value(v) : 0;
}

void
fuzz_reset(void)
{
	size_t n;

	ll_out_flush();
	if (ftruncate(STDOUT_FILENO, 0) == -1 ||
	    lseek(STDOUT_FILENO, 0, SEEK_SET) == -1)
		err(1, "stdout");
	(void)fuzz_rejects(&n);
	ll_stats.records_in = ll_stats.bytes_in = 0;
	ll_stats.records_out = ll_stats.bytes_out = ll_stats.rejected = 0;
	json_object_clear(ll_stats.reasons);
	json_object_clear(ll_stats.extra);
}

/* A failed check is a crash: libFuzzer keeps the input. */
void
fuzz_check(int ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	dprintf(errfd, "fuzz check failed: ");
	va_start(ap, fmt);
	vdprintf(errfd, fmt, ap);
	va_end(ap);
	dprintf(errfd, "\n");
	abort();
}
