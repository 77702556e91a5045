/*
 * Fuzzes the JSON splitter (lib/json/split.c) behind ll-splitjson, with the
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
 *	bit 7		pipe first, then a regular file (not the other way)
 *
 * Each input is split twice, read whole from a regular file and in
 * small pieces from a pipe.  Checks: every output line is one valid
 * JSON value; records_out counts the lines; --max-record-bytes holds;
 * in the plain mode no byte is lost or invented (the non-blank bytes
 * written plus those quarantined are exactly the non-blank bytes
 * read); both runs write and quarantine the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "io/input.h"
#include "ll.h"
#include "json/path.h"
#include "json/split.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct ll_path explode[4], parse_top, parse_elem;
static char owner[] = "owner", group[] = "logGroup", key_a[] = "a";
static char *keep[] = { owner, group, key_a };

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

struct outcome {
	char		*out, *rej;
	size_t		 outlen, rejlen;
	uintmax_t	 records_out, rejected;
	unsigned	 input_errors;
	int		 plain;
};

/* One run of the splitter; checks what holds for any single run. */
static void
run(const struct ll_split_opts *o, unsigned f, const uint8_t *data,
    size_t size, enum fuzz_feed how, struct outcome *r)
{
	struct ll_input *in;
	const char *p;

	fuzz_reset();
	size = fuzz_stdin(data, size, how);
	in = ll_input_open("-");
	fuzz_check(in != NULL, "cannot open standard input");
	ll_split(o, in, "fuzz \"input\"");
	p = fuzz_output(&r->outlen);
	r->out = xmalloc(r->outlen + 1);
	memcpy(r->out, p, r->outlen);
	p = fuzz_rejects(&r->rejlen);
	r->rej = xmalloc(r->rejlen + 1);
	memcpy(r->rej, p, r->rejlen);
	r->records_out = ll_stats.records_out;
	r->rejected = ll_stats.rejected;
	r->input_errors = ll_input_errors(in);
	r->plain = strcmp(ll_input_format(in), "plain") == 0;
	ll_input_close(in);
	fuzz_reset();

	check_lines(r->out, r->outlen);
	fuzz_check(r->records_out == lines(r->out, r->outlen),
	    "records_out %ju for %zu lines", r->records_out,
	    lines(r->out, r->outlen));
	if ((f & 64) && (f & 0x1c) == 0)
		fuzz_check(longest(r->out, r->outlen) <= 64, "a line of %zu "
		    "bytes passed --max-record-bytes 64",
		    longest(r->out, r->outlen));
	if ((f & 0x5f) == 0 && r->plain)
		fuzz_check(nonblank(r->out, r->outlen) +
		    nonblank(r->rej, r->rejlen) ==
		    nonblank((const char *)data, size),
		    "bytes lost or invented: %zu out + %zu rejected, %zu in",
		    nonblank(r->out, r->outlen), nonblank(r->rej, r->rejlen),
		    nonblank((const char *)data, size));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ll_split_opts o;
	struct outcome a, b;
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

	/*
	 * The same bytes read whole and in small pieces: where the reads
	 * end must not change what is written or quarantined.  Left out:
	 * gzip damage, which each decoder resyncs after in its own way;
	 * records over --max-record-bytes, whose bytes are let go as the
	 * buffer fills; with --explode, the quarantined copy of a document
	 * found invalid after its array began, which starts where the
	 * buffer did (memory is bounded by an element, not a document).
	 */
	run(&o, f, data, size, f & 128 ? FEED_PIPE : FEED_FILE, &a);
	run(&o, f, data, size, f & 128 ? FEED_FILE : FEED_PIPE, &b);
	if (a.input_errors == 0 && b.input_errors == 0 && (f & 64) == 0) {
		fuzz_check(a.outlen == b.outlen &&
		    memcmp(a.out, b.out, a.outlen) == 0,
		    "output depends on read sizes");
		fuzz_check(o.explode.n > 0 || (a.rejlen == b.rejlen &&
		    memcmp(a.rej, b.rej, a.rejlen) == 0),
		    "quarantine depends on read sizes");
		fuzz_check(a.rejected == b.rejected,
		    "%ju rejected, or %ju", a.rejected, b.rejected);
	}
	free(a.out);
	free(a.rej);
	free(b.out);
	free(b.rej);
	return 0;
}
