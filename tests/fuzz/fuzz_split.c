/*
 * Fuzzes the JSON splitter (lib/split.c) behind ll-splitjson, with the
 * input layer in front of it as in the tool.  The last input byte
 * picks the options (so that real files work as seeds), the rest is
 * the stream:
 *
 *	bits 0-1	--explode: none, Records, logEvents, .a.b
 *	bit 2		--keep owner,logGroup,a (with --explode)
 *	bit 3		--source src
 *	bit 4		--parse: .a.message, or message with --explode
 *	bit 5		--single
 *	bit 6		--max-record-bytes 64
 *	bit 7		read from a pipe rather than a regular file
 *
 * Checks: every output line is one valid JSON value; records_out
 * counts the lines; --max-record-bytes holds; in the plain mode no
 * byte is lost or invented: the non-blank bytes written plus those
 * quarantined are exactly the non-blank bytes read.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "input.h"
#include "ll.h"
#include "path.h"
#include "split.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct ll_path explode[4], parse_top, parse_elem;
static char owner[] = "owner", group[] = "logGroup", a[] = "a";
static char *keep[] = { owner, group, a };

static void
setup(void)
{
	static const char *paths[] = { "Records", "logEvents", ".a.b" };
	const char *why;
	size_t i;

	for (i = 0; i < 3; i++)
		if (ll_path_parse(&explode[i + 1], paths[i], &why) == -1)
			abort();
	if (ll_path_parse(&parse_top, ".a.message", &why) == -1 ||
	    ll_path_parse(&parse_elem, "message", &why) == -1)
		abort();
}

/* Lines are valid JSON, save what jansson cannot hold. */
static void
check_lines(const char *out, size_t len)
{
	const char *p = out, *end = out + len, *nl;
	json_error_t jerr;
	json_t *j;
	enum json_error_code c;

	fuzz_check(len == 0 || out[len - 1] == '\n', "no final newline");
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		fuzz_check(nl > p, "empty output line");
		j = json_loadb(p, (size_t)(nl - p), JSON_DECODE_ANY |
		    JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &jerr);
		if (j != NULL) {
			json_decref(j);
			continue;
		}
		c = json_error_code(&jerr);
		fuzz_check(c == json_error_stack_overflow ||
		    c == json_error_numeric_overflow ||
		    c == json_error_null_byte_in_key,
		    "output line %.*s is not JSON: %s", (int)(nl - p > 200 ?
		    200 : nl - p), p, jerr.text);
	}
}

static size_t
lines(const char *p, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += p[i] == '\n';
	return k;
}

static size_t
longest(const char *p, size_t n)
{
	size_t i, k = 0, max = 0;

	for (i = 0; i < n; i++) {
		k = p[i] == '\n' ? 0 : k + 1;
		max = k > max ? k : max;
	}
	return max;
}

static size_t
nonblank(const char *p, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += p[i] != ' ' && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r';
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ll_split_opts o;
	struct ll_input *in;
	const char *out, *rej;
	size_t outlen, rejlen;
	unsigned f;

	if (explode[1].n == 0)
		setup();
	if (size == 0)
		return 0;
	f = data[--size];
	memset(&o, 0, sizeof(o));
	o.explode = explode[f & 3];
	if ((f & 4) && o.explode.n > 0) {
		o.keep = keep;
		o.nkeep = sizeof(keep) / sizeof(keep[0]);
	}
	o.source = f & 8 ? "src" : NULL;
	if (f & 16)
		o.parse = o.explode.n > 0 ? parse_elem : parse_top;
	o.single = (f & 32) != 0;
	o.max_record = f & 64 ? 64 : 512 << 20;

	fuzz_reset();
	size = fuzz_stdin(data, size, f & 128 ? FEED_PIPE : FEED_FILE);
	in = ll_input_open("-");
	fuzz_check(in != NULL, "cannot open standard input");
	ll_split(&o, in, "fuzz \"input\"");
	out = fuzz_output(&outlen);
	check_lines(out, outlen);
	fuzz_check(ll_stats.records_out == lines(out, outlen),
	    "records_out %ju for %zu lines", ll_stats.records_out,
	    lines(out, outlen));
	if ((f & 64) && (f & 0x1c) == 0)
		fuzz_check(longest(out, outlen) <= 64, "a line of %zu bytes "
		    "passed --max-record-bytes 64", longest(out, outlen));
	rej = fuzz_rejects(&rejlen);
	if ((f & 0x5f) == 0 && strcmp(ll_input_format(in), "plain") == 0)
		fuzz_check(nonblank(out, outlen) + nonblank(rej, rejlen) ==
		    nonblank((const char *)data, size),
		    "bytes lost or invented: %zu out + %zu rejected, "
		    "%zu in", nonblank(out, outlen), nonblank(rej, rejlen),
		    nonblank((const char *)data, size));
	ll_input_close(in);
	fuzz_reset();
	return 0;
}
