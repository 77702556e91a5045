/*
 * Fuzzes the input layer (lib/input.c): format sniffing, multi-member
 * gzip with resync after damage, the libdeflate whole-file path, the
 * libarchive formats and the bomb limits.  Every input is decoded
 * twice, once from a regular file (whole-file fast path) and once from
 * a pipe (streaming zlib), in reads of sizes picked from its length.
 * The checks: both agree whenever either is clean; a valid gzip stream
 * (by a strict zlib decode) comes out exactly and without errors;
 * plain input passes through unchanged; output stops near --max-size.
 */
#include <string.h>

#include <zlib.h>

#include "harness.h"
#include "io/input.h"
#include "ll.h"
#include "xalloc.h"

#define MAX_SIZE	(2 << 20)
#define MAX_SIZE_SMALL	(64 << 10)	/* for tiny reads, to stay fast */
#define READBUF		(1 << 20)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct result {
	uLong		crc;
	uint64_t	len;
	unsigned	errors;
	int		limited;	/* a bomb limit fired */
	const char	*format;
};

static unsigned char readbuf[READBUF];

static void
decode(const uint8_t *data, size_t size, enum fuzz_feed how, size_t rsize,
    struct result *r)
{
	struct ll_input *in;
	ssize_t n;

	fuzz_reset();
	(void)fuzz_stdin(data, size, how);
	in = ll_input_open("-");
	fuzz_check(in != NULL, "cannot open standard input");
	memset(r, 0, sizeof(*r));
	r->crc = crc32(0, NULL, 0);
	while ((n = ll_input_read(in, readbuf, rsize)) > 0) {
		fuzz_check((size_t)n <= rsize, "read %zd > %zu", n, rsize);
		r->crc = crc32(r->crc, readbuf, (uInt)n);
		r->len += (uint64_t)n;
	}
	fuzz_check(n == 0, "read returned %zd", n);
	r->errors = ll_input_errors(in);
	r->limited = fuzz_reason("size_limit") + fuzz_reason("ratio_limit") > 0;
	r->format = ll_input_format(in);
	/*
	 * One read may cross the limit; a newline closes each damaged
	 * part (the limit is one) and is not counted against it.
	 */
	fuzz_check(r->len <= ll_input_limits.max_size + rsize + r->errors,
	    "%ju bytes out, over the limit", (uintmax_t)r->len);
	ll_input_close(in);
}

/*
 * A strict decode of a multi-member gzip stream: 0 when every byte
 * belongs to a valid member, -1 otherwise.
 */
static int
reference(const uint8_t *data, size_t size, struct result *r)
{
	z_stream zs;
	int z, ok = 0;

	memset(&zs, 0, sizeof(zs));
	memset(r, 0, sizeof(*r));
	r->crc = crc32(0, NULL, 0);
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return -1;
	zs.next_in = (unsigned char *)(uintptr_t)data;
	zs.avail_in = (uInt)size;
	for (;;) {
		zs.next_out = readbuf;
		zs.avail_out = READBUF;
		z = inflate(&zs, Z_NO_FLUSH);
		r->crc = crc32(r->crc, readbuf, READBUF - zs.avail_out);
		r->len += READBUF - zs.avail_out;
		if (r->len > MAX_SIZE)
			break;
		if (z == Z_STREAM_END) {
			if (zs.avail_in == 0) {
				ok = 1;
				break;
			}
			if (zs.avail_in < 2 || zs.next_in[0] != 0x1f ||
			    zs.next_in[1] != 0x8b ||
			    inflateReset(&zs) != Z_OK)
				break;
		} else if (z != Z_OK)
			break;
	}
	inflateEnd(&zs);
	return ok ? 0 : -1;
}

static int
same(const struct result *a, const struct result *b)
{
	return a->len == b->len && a->crc == b->crc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t rsizes[] = { 1, 7, 100, 4096, 65536, READBUF };
	const size_t nr = sizeof(rsizes) / sizeof(rsizes[0]);
	struct result a, b, ref;
	size_t ra, rb;
	int gzip, plain;

	ra = rsizes[size % nr];
	rb = rsizes[size / nr % nr];
	ll_input_limits.max_ratio = 1000;
	ll_input_limits.max_size = ra < 100 || rb < 100 ? MAX_SIZE_SMALL :
	    MAX_SIZE;
	decode(data, size, FEED_FILE, ra, &a);
	decode(data, size, FEED_PIPE, rb, &b);
	fuzz_reset();
	fuzz_check(strcmp(a.format, b.format) == 0, "format %s vs %s",
	    a.format, b.format);
	gzip = strcmp(a.format, "gzip") == 0;
	plain = strcmp(a.format, "plain") == 0;
	if (plain) {
		fuzz_check(a.errors == 0 && b.errors == 0, "errors in plain");
		ref.len = size;
		ref.crc = crc32(crc32(0, NULL, 0), data, (uInt)size);
		fuzz_check(a.limited || same(&a, &ref), "file: plain changed");
		fuzz_check(b.limited || same(&b, &ref), "pipe: plain changed");
		return 0;
	}
	if (a.limited || b.limited)
		return 0;
	if (a.errors == 0 || b.errors == 0)
		fuzz_check(a.errors == b.errors && same(&a, &b),
		    "file and pipe disagree: %u/%u errors, %ju/%ju bytes",
		    a.errors, b.errors, (uintmax_t)a.len, (uintmax_t)b.len);
	if (gzip && reference(data, size, &ref) == 0 &&
	    ref.len <= ll_input_limits.max_size) {
		fuzz_check(a.errors == 0 && same(&a, &ref),
		    "valid gzip: file path gives %u errors, %ju bytes, "
		    "not %ju", a.errors, (uintmax_t)a.len,
		    (uintmax_t)ref.len);
		fuzz_check(b.errors == 0 && same(&b, &ref),
		    "valid gzip: pipe path gives %u errors", b.errors);
	}
	return 0;
}
