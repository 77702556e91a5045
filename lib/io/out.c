/*
 * The record writer: one large buffer flushed with write(2), so that
 * emitting a record costs a memcpy.  Flushing per record happens only
 * when standard output is a terminal or --unbuffered asks for it.
 */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "io/out.h"
#include "io/sink.h"
#include "ll.h"
#include "xalloc.h"

#define OUTBUF (1 << 20)

static char outbuf[OUTBUF];
static size_t outlen;
static int unbuffered;
static char *dumpbuf;
static size_t dumpsize;

void
ll_out_unbuffered(int on)
{
	unbuffered = on;
}

/*
 * A larger pipe lets the next tool in a pipeline read in big chunks;
 * without it, 64 KiB pipe buffers cost a third of the throughput.
 */
void
ll_out_pipe_grow(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
		(void)fcntl(fd, F_SETPIPE_SZ, OUTBUF);
}

static void
write_all(const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(STDOUT_FILENO, p, n);
		if (w == -1) {
			if (errno == EINTR)
				continue;
			err(LL_EXIT_IO, "<stdout>");
		}
		p += w;
		n -= (size_t)w;
	}
}

void
ll_out_flush(void)
{
	write_all(outbuf, outlen);
	outlen = 0;
}

static void
put(const void *p, size_t n)
{
	if (n == 0)
		return;	/* P may be NULL: an empty object under --cat */
	ll_stats.bytes_out += n;
	if (outlen + n > OUTBUF) {
		ll_out_flush();
		if (n > OUTBUF / 2) {
			write_all(p, n);
			return;
		}
	}
	memcpy(outbuf + outlen, p, n);
	outlen += n;
}

/* Bytes as they come (ll-ungz, ll-fetch --cat). */
void
ll_out_write(const void *p, size_t n)
{
	put(p, n);
	if (unbuffered)
		ll_out_flush();
}

/* Writes one record and its newline. */
void
ll_out_record(const void *p, size_t n)
{
	if (ll_sink_cur != NULL) {
		ll_sink_record(p, n);
		return;
	}
	put(p, n);
	put("\n", 1);
	ll_stats.records_out++;
	if (unbuffered)
		ll_out_flush();
}

void
ll_out_json(json_t *j)
{
	size_t n;

	n = json_dumpb(j, dumpbuf, dumpsize, JSON_COMPACT);
	if (n > dumpsize) {
		free(dumpbuf);
		dumpsize = n * 2;
		dumpbuf = xmalloc(dumpsize);
		n = json_dumpb(j, dumpbuf, dumpsize, JSON_COMPACT);
	}
	if (n == 0)
		errx(LL_EXIT_IO, "cannot serialise a record");
	ll_out_record(dumpbuf, n);
}
