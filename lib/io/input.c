/*
 * The input layer.  Each decoder fills the caller's buffer; the
 * shared wrapper counts bytes, enforces the bomb limits and, after a
 * data error, ends the partial output with a newline so that the
 * next good document never shares a line with damaged bytes.
 */
#include <sys/types.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <libdeflate.h>
#include <zlib.h>

#include "io/input.h"
#include "ll.h"
#include "xalloc.h"

/* The fuzz build shrinks the buffer so that small inputs cross its edges. */
#ifdef LL_FUZZ
#define RAWBUF	4096
#else
#define RAWBUF	(256 * 1024)
#endif
#define SNIFF	512
#define PROBE_MAX	(16 << 20)	/* bytes kept to read a stream again */
#define RATIO_FLOOR (1 << 20)
#define FAST_MAX_IN	(4 << 20)	/* whole files read for libdeflate */
#define FAST_MAX_OUT	(32 << 20)	/* largest member libdeflate decodes */

enum format { F_PLAIN, F_GZIP, F_ARCHIVE };

struct ll_input {
	char		*name;
	int		 fd;
	enum format	 format;
	const char	*format_name;
	unsigned char	*raw;		/* compressed bytes read ahead */
	size_t		 rawpos, rawlen, rawcap;
	uint64_t	 rawoff;	/* file offset of raw[0] */
	int		 raweof;
	z_stream	 zs;
	struct libdeflate_decompressor *fast;	/* whole-member decoder */
	unsigned char	*dbuf;		/* its output, handed out in pieces */
	size_t		 dpos, dlen, dcap;
	int		 in_member;
	uint64_t	 member_off;
	struct archive	*ar;
	int		 ar_header;
	int		 probing;	/* keep raw[] from offset 0 for a replay */
	uint64_t	 out;		/* decoded bytes so far */
	int		 damaged;	/* output to end with a newline */
	int		 last;		/* last byte handed out */
	int		 done;
	unsigned	 errors;
	void		(*tap)(void *, const void *, size_t);
	void		*taparg;
};

struct ll_input_limits ll_input_limits = { 0, 1000 };

static void LL_PRINTF(3, 4)
data_error(struct ll_input *in, enum ll_reason reason, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	msg[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	fflush(stdout);
	ll_msg("%s: %s", in->name, msg);
	free(msg);
	ll_count(reason);
	ll_fail(LL_EXIT_REJECT);
	in->errors++;
	in->damaged = 1;
}

/* Reads more compressed bytes, keeping unconsumed ones; 0 at EOF. */
static ssize_t
refill(struct ll_input *in)
{
	ssize_t r;

	if (in->rawpos > 0) {
		memmove(in->raw, in->raw + in->rawpos, in->rawlen - in->rawpos);
		in->rawoff += in->rawpos;
		in->rawlen -= in->rawpos;
		in->rawpos = 0;
	}
	if (in->raweof || in->rawlen == in->rawcap)
		return 0;
	do
		r = read(in->fd, in->raw + in->rawlen, in->rawcap - in->rawlen);
	while (r == -1 && errno == EINTR);
	if (r == -1) {
		ll_msg("%s: %s", in->name, strerror(errno));
		ll_fail(LL_EXIT_IO);
		in->errors++;
		in->raweof = 1;
		return -1;
	}
	if (r == 0)
		in->raweof = 1;
	if (in->tap != NULL && r > 0)
		in->tap(in->taparg, in->raw + in->rawlen, (size_t)r);
	in->rawlen += (size_t)r;
	ll_stats.bytes_in += (uint64_t)r;
	return r;
}

static const char *
sniff(const unsigned char *p, size_t n, enum format *f)
{
	static const struct {
		const char	*name;
		size_t		 off, len;
		const char	*magic;
	} magics[] = {
		{ "bzip2", 0, 3, "BZh" },
		{ "xz", 0, 6, "\xfd" "7zXZ\0" },
		{ "zstd", 0, 4, "\x28\xb5\x2f\xfd" },
		{ "lz4", 0, 4, "\x04\x22\x4d\x18" },
		{ "zip", 0, 4, "PK\x03\x04" },
		{ "tar", 257, 5, "ustar" },
	};
	size_t i;

	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
		*f = F_GZIP;
		return "gzip";
	}
	/* Parquet passes through; record readers read its rows (reader.c). */
	if (n >= 4 && memcmp(p, "PAR1", 4) == 0) {
		*f = F_PLAIN;
		return "parquet";
	}
	for (i = 0; i < sizeof(magics) / sizeof(magics[0]); i++) {
		if (n >= magics[i].off + magics[i].len &&
		    memcmp(p + magics[i].off, magics[i].magic,
		    magics[i].len) == 0) {
			*f = F_ARCHIVE;
			return magics[i].name;
		}
	}
	*f = F_PLAIN;
	return "plain";
}

/* Skips to the next gzip member header, or to the end. */
static void
resync(struct ll_input *in)
{
	unsigned char *p;

	for (;;) {
		p = in->rawpos < in->rawlen ? memchr(in->raw + in->rawpos,
		    0x1f, in->rawlen - in->rawpos) : NULL;
		if (p != NULL && p + 2 < in->raw + in->rawlen) {
			in->rawpos = (size_t)(p - in->raw);
			if (p[1] == 0x8b && p[2] == 8)
				return;
			in->rawpos++;
			continue;
		}
		if (p != NULL)
			in->rawpos = (size_t)(p - in->raw);
		else
			in->rawpos = in->rawlen;
		if (in->raweof) {
			in->rawpos = in->rawlen;
			return;
		}
		if (refill(in) <= 0 && in->rawpos + 2 >= in->rawlen) {
			in->rawpos = in->rawlen;
			return;
		}
	}
}

/*
 * After a corrupt member, look for the next header from just after the
 * damaged member's start if those bytes are still buffered: a member
 * cut short runs into the next one, whose header must not be lost.
 */
static void
retry_member(struct ll_input *in)
{
	if (in->member_off + 1 >= in->rawoff)
		in->rawpos = (size_t)(in->member_off + 1 - in->rawoff);
	else if (in->rawpos == 0)
		in->rawpos = 1;
	resync(in);
}

/* Between members: a new header, trailing bytes, or the end. */
static int
gz_next_member(struct ll_input *in)
{
	uint64_t off;

	/* A pipe may hand over the next header a byte at a time. */
	while (in->rawlen - in->rawpos < 3 && !in->raweof)
		if (refill(in) < 0)
			return 0;
	if (in->rawpos == in->rawlen)
		return 0;
	off = in->rawoff + in->rawpos;
	if (in->rawlen - in->rawpos < 3 || in->raw[in->rawpos] != 0x1f ||
	    in->raw[in->rawpos + 1] != 0x8b) {
		data_error(in, LL_R_GZIP_TRAILING_GARBAGE,
		    "byte %ju: data after gzip member is not gzip; skipping "
		    "to the next member", (uintmax_t)off);
		resync(in);
		if (in->rawpos == in->rawlen)
			return 0;
		off = in->rawoff + in->rawpos;
	}
	if (inflateReset2(&in->zs, 16 + MAX_WBITS) != Z_OK)
		errx(LL_EXIT_IO, "zlib: cannot reset inflate state");
	in->in_member = 1;
	in->member_off = off;
	return 1;
}

/*
 * The fast path: when the whole file is buffered, decode the next
 * member in one call to libdeflate (about twice zlib's speed).  Any
 * trouble (damage, a member over FAST_MAX_OUT) returns 0 and leaves the
 * member to zlib, which reports damage with exact offsets.
 */
static int
fast_member(struct ll_input *in)
{
	enum libdeflate_result r;
	size_t used, got;

	if (in->fast == NULL || in->rawlen - in->rawpos < 18 ||
	    in->raw[in->rawpos] != 0x1f || in->raw[in->rawpos + 1] != 0x8b)
		return 0;
	/* libdeflate does not check a header CRC (FHCRC); zlib does. */
	if (in->raw[in->rawpos + 3] & 0x02)
		return 0;
	for (;;) {
		r = libdeflate_gzip_decompress_ex(in->fast, in->raw +
		    in->rawpos, in->rawlen - in->rawpos, in->dbuf, in->dcap,
		    &used, &got);
		if (r == LIBDEFLATE_SUCCESS)
			break;
		if (r != LIBDEFLATE_INSUFFICIENT_SPACE ||
		    in->dcap >= FAST_MAX_OUT)
			return 0;
		in->dcap *= 2;
		free(in->dbuf);
		in->dbuf = xmalloc(in->dcap);
	}
	in->member_off = in->rawoff + in->rawpos;
	in->rawpos += used;
	in->dpos = 0;
	in->dlen = got;
	return 1;
}

static ssize_t
fast_serve(struct ll_input *in, unsigned char *buf, size_t n)
{
	size_t k = in->dlen - in->dpos;

	if (k > n)
		k = n;
	memcpy(buf, in->dbuf + in->dpos, k);
	in->dpos += k;
	return (ssize_t)k;
}

static ssize_t
gz_read(struct ll_input *in, unsigned char *buf, size_t n)
{
	size_t got;
	int r;

	while (in->dpos == in->dlen && !in->in_member && fast_member(in))
		;
	if (in->dpos < in->dlen)
		return fast_serve(in, buf, n);
	in->zs.next_out = buf;
	in->zs.avail_out = (uInt)n;
	while (in->zs.avail_out == n && !in->damaged) {
		if (!in->in_member && !gz_next_member(in))
			return 0;
		if (in->rawpos == in->rawlen && refill(in) <= 0 &&
		    in->rawpos == in->rawlen) {
			data_error(in, LL_R_GZIP_TRUNCATED, "byte %ju: gzip "
			    "member starting at byte %ju is truncated",
			    (uintmax_t)(in->rawoff + in->rawpos),
			    (uintmax_t)in->member_off);
			in->in_member = 0;
			break;
		}
		in->zs.next_in = in->raw + in->rawpos;
		in->zs.avail_in = (uInt)(in->rawlen - in->rawpos);
		r = inflate(&in->zs, Z_NO_FLUSH);
		in->rawpos = (size_t)(in->zs.next_in - in->raw);
		if (r == Z_STREAM_END)
			in->in_member = 0;
		else if (r == Z_DATA_ERROR || r == Z_NEED_DICT) {
			data_error(in, LL_R_GZIP_CORRUPT, "byte %ju: corrupt gzip "
			    "member starting at byte %ju: %s",
			    (uintmax_t)(in->rawoff + in->rawpos),
			    (uintmax_t)in->member_off,
			    in->zs.msg != NULL ? in->zs.msg : "bad data");
			in->in_member = 0;
			retry_member(in);
		} else if (r == Z_MEM_ERROR)
			errx(LL_EXIT_IO, "out of memory");
	}
	got = n - in->zs.avail_out;
	return (ssize_t)got;
}

/*
 * While the archive format is being found, bytes read are appended to
 * raw[] rather than replacing what libarchive has had, so that the
 * stream can be read again from its first byte; past PROBE_MAX it no
 * longer can.  Returns as refill() does.
 */
static ssize_t
probe_fill(struct ll_input *in)
{
	ssize_t r;

	if (in->rawlen == in->rawcap) {
		if (in->rawcap >= PROBE_MAX) {
			in->probing = 0;
			return refill(in);
		}
		in->rawcap *= 2;
		in->raw = xrealloc(in->raw, in->rawcap);
	}
	do
		r = read(in->fd, in->raw + in->rawlen, in->rawcap - in->rawlen);
	while (r == -1 && errno == EINTR);
	if (r == -1) {
		warn("%s", in->name);
		ll_fail(LL_EXIT_IO);
		in->errors++;
		in->raweof = 1;
		return -1;
	}
	if (r == 0)
		in->raweof = 1;
	in->rawlen += (size_t)r;
	ll_stats.bytes_in += (uint64_t)r;
	return r;
}

static la_ssize_t
ar_readcb(struct archive *a, void *cookie, const void **bufp)
{
	struct ll_input *in = cookie;
	size_t old;
	ssize_t r = 0;

	(void)a;
	if (in->rawpos < in->rawlen) {
		*bufp = in->raw + in->rawpos;
		r = (ssize_t)(in->rawlen - in->rawpos);
		in->rawpos = in->rawlen;
		return r;
	}
	if (in->raweof)
		return 0;
	old = in->probing ? in->rawlen : 0;
	/* refill() counts what libarchive took, which the ratio uses. */
	if ((r = in->probing ? probe_fill(in) : refill(in)) <= 0)
		return r < 0 ? -1 : 0;
	if (!in->probing)
		old = 0;
	*bufp = in->raw + old;
	in->rawpos = in->rawlen;
	return (ssize_t)(in->rawlen - old);
}

static const char *
ar_error(struct archive *ar)
{
	const char *e = archive_error_string(ar);

	return e != NULL ? e : "not a readable archive";
}

/* Opens the stream with libarchive and reads the first entry's header. */
static int
ar_try(struct ll_input *in, int rawonly)
{
	struct archive_entry *ent;

	in->ar = archive_read_new();
	archive_read_support_filter_all(in->ar);
	/*
	 * Only the archive formats logs arrive in: with every format on,
	 * libarchive takes NDJSON inside xz for an mtree listing.
	 */
	if (!rawonly) {
		archive_read_support_format_tar(in->ar);
		archive_read_support_format_zip(in->ar);
	}
	archive_read_support_format_raw(in->ar);
	if (archive_read_open(in->ar, in, NULL, ar_readcb, NULL) != ARCHIVE_OK)
		return ARCHIVE_FATAL;
	return archive_read_next_header(in->ar, &ent);
}

static void
ar_open(struct ll_input *in)
{
	int h;

	in->probing = 1;
	h = ar_try(in, 0);
	/*
	 * Compressed data that begins with NUL blocks looks to the tar
	 * reader like the end of an empty archive.  It is data: read the
	 * stream again as one plain stream.
	 */
	if (h == ARCHIVE_EOF && in->probing &&
	    archive_filter_count(in->ar) >= 2 &&
	    archive_filter_bytes(in->ar, 0) > 0) {
		archive_read_free(in->ar);
		in->rawpos = 0;
		h = ar_try(in, 1);
	}
	in->probing = 0;
	if (h != ARCHIVE_OK) {
		/* A compressed empty stream has no format to find. */
		if (archive_filter_count(in->ar) < 2 ||
		    archive_filter_bytes(in->ar, 0) != 0)
			data_error(in, LL_R_ARCHIVE_CORRUPT, "%s",
			    ar_error(in->ar));
		in->done = 1;
		return;
	}
	in->ar_header = 1;
}

/* Each archive member's data in turn, a newline between members. */
static ssize_t
ar_read(struct ll_input *in, unsigned char *buf, size_t n)
{
	struct archive_entry *ent;
	la_ssize_t r;
	int h;

	for (;;) {
		r = archive_read_data(in->ar, buf, n);
		if (r > 0)
			return r;
		if (r < 0) {
			data_error(in, LL_R_ARCHIVE_CORRUPT, "byte %jd: %s",
			    (intmax_t)archive_filter_bytes(in->ar, -1),
			    ar_error(in->ar));
			in->done = 1;
			return 0;
		}
		h = archive_read_next_header(in->ar, &ent);
		if (h == ARCHIVE_EOF)
			return 0;
		if (h != ARCHIVE_OK && h != ARCHIVE_WARN) {
			data_error(in, LL_R_ARCHIVE_CORRUPT, "%s",
			    ar_error(in->ar));
			in->done = 1;
			return 0;
		}
		if (in->last != '\n' && in->out > 0) {
			buf[0] = '\n';
			return 1;
		}
	}
}

static ssize_t
plain_read(struct ll_input *in, unsigned char *buf, size_t n)
{
	size_t k;

	if (in->rawpos == in->rawlen && refill(in) <= 0)
		return 0;
	k = in->rawlen - in->rawpos;
	if (k > n)
		k = n;
	memcpy(buf, in->raw + in->rawpos, k);
	in->rawpos += k;
	return (ssize_t)k;
}

struct ll_input *
ll_input_open(const char *path)
{
	return ll_input_open_tap(path, NULL, NULL);
}

/*
 * The same, handing every byte read from the file, as it is stored,
 * to TAP: a digest of the stored object costs no second read.
 */
struct ll_input *
ll_input_open_tap(const char *path, void (*tap)(void *, const void *,
    size_t), void *arg)
{
	struct ll_input *in;
	struct stat st;
	int fd, whole;

	if (path == NULL || strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = "<stdin>";
	} else if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	in = xcalloc(1, sizeof(*in));
	in->name = xstrdup(path);
	in->fd = fd;
	in->tap = tap;
	in->taparg = arg;
	in->rawcap = RAWBUF;
	whole = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0 && st.st_size <= FAST_MAX_IN;
	if (whole)
		in->rawcap = (size_t)st.st_size + 1;
	in->raw = xmalloc(in->rawcap);
	while (in->rawlen < SNIFF && !in->raweof && refill(in) > 0)
		;
	in->format_name = sniff(in->raw, in->rawlen, &in->format);
	if (in->format == F_GZIP && inflateInit2(&in->zs, 16 + MAX_WBITS) !=
	    Z_OK)
		errx(LL_EXIT_IO, "zlib: cannot initialise inflate");
	if (in->format == F_GZIP && whole) {
		while (!in->raweof && refill(in) > 0)
			;
		if ((in->fast = libdeflate_alloc_decompressor()) == NULL)
			errx(LL_EXIT_IO, "out of memory");
		in->dcap = 1 << 20;
		in->dbuf = xmalloc(in->dcap);
	}
	if (in->format == F_ARCHIVE)
		ar_open(in);
	return in;
}

static int
over_limits(struct ll_input *in)
{
	const struct ll_input_limits *l = &ll_input_limits;
	uint64_t raw;

	if (l->max_size > 0 && in->out > l->max_size) {
		data_error(in, LL_R_SIZE_LIMIT, "output exceeds the --max-size "
		    "limit of %ju bytes; rest of input skipped",
		    (uintmax_t)l->max_size);
		return 1;
	}
	raw = in->rawoff + in->rawpos;
	if (l->max_ratio > 0 && in->format != F_PLAIN &&
	    in->out > RATIO_FLOOR && in->out / l->max_ratio > raw) {
		data_error(in, LL_R_RATIO_LIMIT, "byte %ju: expands more than "
		    "%ju:1 (decompression bomb?); rest of input skipped",
		    (uintmax_t)raw, (uintmax_t)l->max_ratio);
		return 1;
	}
	return 0;
}

/*
 * Fills BUF with decoded bytes; returns 0 at the end of the input.
 * A decoder that hit damage returns what it had and sets "damaged";
 * the newline that closes the damaged part is handed out next.
 */
ssize_t
ll_input_read(struct ll_input *in, void *buf, size_t n)
{
	unsigned char *p = buf;
	ssize_t r;

	for (;;) {
		if (in->damaged) {
			in->damaged = 0;
			if (in->out > 0 && in->last != '\n') {
				p[0] = '\n';
				in->last = '\n';
				return 1;
			}
		}
		if (in->done || n == 0)
			return 0;
		if (in->format == F_GZIP)
			r = gz_read(in, p, n);
		else if (in->format == F_ARCHIVE)
			r = ar_read(in, p, n);
		else
			r = plain_read(in, p, n);
		if (r > 0)
			break;
		if (!in->damaged)
			in->done = 1;
	}
	in->out += (uint64_t)r;
	in->last = p[r - 1];
	if (over_limits(in))
		in->done = 1;
	return r;
}

/* The descriptor read, for a reader that needs to seek (Parquet). */
int
ll_input_fd(const struct ll_input *in)
{
	return in->fd;
}

const char *
ll_input_name(const struct ll_input *in)
{
	return in->name;
}

const char *
ll_input_format(const struct ll_input *in)
{
	return in->format_name;
}

unsigned
ll_input_errors(const struct ll_input *in)
{
	return in->errors;
}

void
ll_input_close(struct ll_input *in)
{
	if (in == NULL)
		return;
	if (in->format == F_GZIP)
		inflateEnd(&in->zs);
	if (in->fast != NULL)
		libdeflate_free_decompressor(in->fast);
	free(in->dbuf);
	if (in->ar != NULL)
		archive_read_free(in->ar);
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->raw);
	free(in->name);
	free(in);
}
