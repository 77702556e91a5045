/*
 * Reading NDJSON lines.  The buffer holds at least one whole line:
 * when a line does not fit it grows by doubling, so a 10 GB record
 * with --max-record-bytes unset costs 10 GB, and with the limit set
 * the reader switches to discarding bytes up to the next newline.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/reader.h"
#include "lake/pqlines.h"
#include "ll.h"
#include "xalloc.h"

#define CHUNK	(1 << 20)

void
ll_reader_init(struct ll_reader *r, struct ll_input *in, size_t max)
{
	memset(r, 0, sizeof(*r));
	r->in = in;
	r->name = ll_input_name(in);
	r->max = max;
	r->size = CHUNK;
	r->buf = xmalloc(r->size);
	/* Only a look at the name the input layer gave the first bytes. */
	if (strcmp(ll_input_format(in), "parquet") == 0) {
		r->parquet = 1;
		r->pq = ll_pqlines_open(in, r->name);
	}
}

/*
 * Gives back what a long line grew the buffer to, once half the
 * buffer's size has been read with no line as long as a quarter of it
 * and the bytes left to read fit in a quarter or less: a 500 MB record
 * would otherwise stay held while the tool reads on.  Waiting for the
 * half keeps input made of long lines from shrinking and growing the
 * buffer at every line.
 */
static void
shrink(struct ll_reader *r)
{
	size_t size = r->size;

	if (r->quiet < size / 2)
		return;
	while (size > CHUNK && r->len <= size / 4)
		size /= 2;
	if (size < r->size) {
		r->buf = xrealloc(r->buf, size);
		r->size = size;
	}
}

/* Reads more input after buf[len]; 0 at the end of the input. */
static size_t
fill(struct ll_reader *r)
{
	ssize_t n;

	if (r->pos > 0 && (r->pos == r->len || r->size - r->len < CHUNK / 4 ||
	    r->size > CHUNK)) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->scan -= r->pos;
		r->pos = 0;
	}
	shrink(r);
	if (r->size - r->len < CHUNK / 4) {
		if (r->size > SIZE_MAX / 2)
			errx(LL_EXIT_IO, "out of memory");
		r->size *= 2;
		r->buf = xrealloc(r->buf, r->size);
	}
	n = ll_input_read(r->in, r->buf + r->len, r->size - r->len);
	if (n <= 0) {
		r->eof = 1;
		return 0;
	}
	r->len += (size_t)n;
	r->quiet += (size_t)n;
	return (size_t)n;
}

/*
 * Rejects the line starting at buf[pos] that has outgrown the limit:
 * its bytes go to --reject as they arrive, up to and excluding the
 * next newline, and reading resumes after it.
 */
static void
skip_long(struct ll_reader *r)
{
	char *nl;

	ll_warnx_at(r->name, r->line, "record larger than "
	    "--max-record-bytes (%zu); skipped", r->max);
	for (;;) {
		nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		if (nl != NULL) {
			ll_reject_bytes(r->buf + r->pos,
			    (size_t)(nl - r->buf) - r->pos);
			r->pos = r->scan = (size_t)(nl - r->buf) + 1;
			break;
		}
		ll_reject_bytes(r->buf + r->pos, r->len - r->pos);
		r->pos = r->len = r->scan = 0;
		if (fill(r) == 0)
			break;
	}
	ll_reject_end(LL_R_RECORD_TOO_LARGE);
}

/* The next row of a Parquet input, as a line. */
static int
next_row(struct ll_reader *r, const char **linep, size_t *lenp)
{
	while (r->pq != NULL && ll_pqlines_next(r->pq, linep, lenp,
	    &r->line)) {
		ll_stats.records_in++;
		if (r->max == 0 || *lenp <= r->max)
			return 1;
		ll_warnx_at(r->name, r->line, "record larger than "
		    "--max-record-bytes (%zu); skipped", r->max);
		ll_reject(LL_R_RECORD_TOO_LARGE, *linep, *lenp);
	}
	return 0;
}

/*
 * Sets *linep and *lenp to the next line and returns 1, or returns 0
 * at the end of the input, or -1 once READS reads of the input (any
 * number when negative) have not completed a line.  Oversized lines
 * are dealt with here and never returned; skipping one reads on to
 * its end whatever READS says.
 */
static int
next(struct ll_reader *r, const char **linep, size_t *lenp, int reads)
{
	char *nl;
	size_t n;

	if (r->parquet)
		return next_row(r, linep, lenp);
	for (;;) {
		nl = memchr(r->buf + r->scan, '\n', r->len - r->scan);
		if (nl != NULL || (r->eof && r->pos < r->len)) {
			n = nl != NULL ? (size_t)(nl - r->buf) : r->len;
			r->line++;
			ll_stats.records_in++;
			if (r->max > 0 && n - r->pos > r->max) {
				skip_long(r);
				continue;
			}
			*linep = r->buf + r->pos;
			*lenp = n - r->pos;
			if (*lenp > r->size / 4)
				r->quiet = 0;
			r->pos = r->scan = nl != NULL ? n + 1 : n;
			return 1;
		}
		r->scan = r->len;
		if (r->max > 0 && r->len - r->pos > r->max) {
			r->line++;
			ll_stats.records_in++;
			skip_long(r);
			continue;
		}
		if (r->eof)
			return 0;
		if (reads == 0)
			return -1;
		if (reads > 0)
			reads--;
		fill(r);
	}
}

int
ll_reader_next(struct ll_reader *r, const char **linep, size_t *lenp)
{
	return next(r, linep, lenp, -1);
}

/*
 * For callers that poll the input's descriptor: reads it at most
 * READS times (0 or 1), so that one read of a ready descriptor never
 * turns into a wait for the rest of a line.
 */
int
ll_reader_try(struct ll_reader *r, const char **linep, size_t *lenp,
    int reads)
{
	return next(r, linep, lenp, reads);
}

void
ll_reader_free(struct ll_reader *r)
{
	ll_pqlines_close(r->pq);
	free(r->buf);
	memset(r, 0, sizeof(*r));
}

/*
 * Calls FN with the input's name, the line number and the line for
 * each line of PATH ("-": standard input) that is not empty; empty
 * ones are counted as "empty_line", unless FLAGS has
 * LL_READER_EMPTY_QUIET for the tools whose --stats never listed them.
 * The name is freed before this returns, so FN copies what it keeps.
 * An input that cannot be opened is reported and fails the run with
 * LL_EXIT_IO, but the caller goes on to its next input.
 */
void
ll_reader_file(const char *path, int flags, void (*fn)(void *, const char *,
    uintmax_t, const char *, size_t), void *arg)
{
	struct ll_input *in;
	struct ll_reader r;
	const char *line;
	size_t len;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	ll_reader_init(&r, in, 0);
	while (ll_reader_next(&r, &line, &len)) {
		if (len > 0)
			fn(arg, r.name, r.line, line, len);
		else if (!(flags & LL_READER_EMPTY_QUIET))
			ll_count(LL_R_EMPTY_LINE);
	}
	ll_reader_free(&r);
	ll_input_close(in);
}
