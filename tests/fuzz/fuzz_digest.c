/*
 * Fuzzes ll-verify's digest parsers (cmd/ll-verify/digest.c): the
 * JSON document CloudTrail writes each hour and the name it gives it,
 * both untrusted bytes.  The input is tried as both.  Checks beyond
 * "no crash": an accepted document's fields have the shapes the
 * validator relies on (hex of the right length, lowercased; previous*
 * fields all set or all null; no control character anywhere), its
 * string to sign has exactly four lines; written back as JSON and
 * parsed again it gives the same fields and the same string to sign.
 * An accepted name, rebuilt from its parts, is the same name; a log
 * file time read from a name formats back to the same digits.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../cmd/ll-verify/digest.h"
#include "harness.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
lowerhex(const char *s, size_t n)
{
	size_t i;

	if (strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return 1;
}

static void
printable(const char *s, const char *what)
{
	for (; s != NULL && *s != '\0'; s++)
		fuzz_check((unsigned char)*s >= 0x20 && *s != 0x7f,
		    "%s holds a control character", what);
}

static json_t *
str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* The document again as JSON, from the parsed fields only. */
static char *
rewrite(const struct ll_digest *d)
{
	json_t *o, *a;
	char *s;
	size_t i;

	a = json_array();
	for (i = 0; i < d->nlogs; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s}",
		    "s3Bucket", d->logs[i].bucket, "s3Object", d->logs[i].key,
		    "hashValue", d->logs[i].hash, "hashAlgorithm", "SHA-256"));
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, "
	    "s:o, s:o}", "awsAccountId", d->account, "digestS3Bucket",
	    d->bucket, "digestS3Object", d->key, "digestStartTime", d->start,
	    "digestEndTime", d->end, "digestPublicKeyFingerprint",
	    d->fingerprint, "digestSignatureAlgorithm", "SHA256withRSA",
	    "previousDigestS3Bucket", str(d->prev_bucket),
	    "previousDigestS3Object", str(d->prev_key),
	    "previousDigestSignature", str(d->prev_sig),
	    "previousDigestHashValue", d->prev_key != NULL ?
	    json_string(d->prev_hash) : json_null(), "logFiles", a);
	fuzz_check(o != NULL, "cannot write the document back");
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

static void
same(const struct ll_digest *a, const struct ll_digest *b)
{
	const char *sha = "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef";
	char *ta, *tb;
	size_t na, nb, i;

	fuzz_check(a->tstart == b->tstart && a->tend == b->tend &&
	    a->nlogs == b->nlogs && strcmp(a->fingerprint, b->fingerprint) ==
	    0 && strcmp(a->prev_hash, b->prev_hash) == 0 &&
	    strcmp(a->account, b->account) == 0 &&
	    (a->prev_key == NULL) == (b->prev_key == NULL),
	    "the document read back differs");
	for (i = 0; i < a->nlogs; i++)
		fuzz_check(strcmp(a->logs[i].key, b->logs[i].key) == 0 &&
		    strcmp(a->logs[i].bucket, b->logs[i].bucket) == 0 &&
		    strcmp(a->logs[i].hash, b->logs[i].hash) == 0,
		    "logFiles[%zu] read back differs", i);
	ta = ll_digest_tosign(a, sha, &na);
	tb = ll_digest_tosign(b, sha, &nb);
	fuzz_check(na == nb && memcmp(ta, tb, na) == 0,
	    "the string to sign changed");
	free(ta);
	free(tb);
}

static void
document(const char *p, size_t n)
{
	struct ll_digest d, e;
	char why[LL_DIGEST_WHY], *tbs, *again;
	size_t len, i, lines = 0;

	if (ll_digest_parse(p, n, &d, why) == -1) {
		fuzz_check(why[0] != '\0', "refused without a reason");
		return;
	}
	fuzz_check(lowerhex(d.fingerprint, 32), "fingerprint %s",
	    d.fingerprint);
	fuzz_check((d.prev_key == NULL) == (d.prev_bucket == NULL) &&
	    (d.prev_key == NULL) == (d.prev_sig == NULL) &&
	    (d.prev_key == NULL) == (d.prev_hash[0] == '\0'),
	    "previous fields partly set");
	fuzz_check(d.prev_key == NULL || lowerhex(d.prev_hash, 64),
	    "previousDigestHashValue %s", d.prev_hash);
	printable(d.account, "account");
	printable(d.bucket, "bucket");
	printable(d.key, "key");
	printable(d.end, "end");
	printable(d.prev_key, "previous key");
	printable(d.prev_sig, "previous signature");
	for (i = 0; i < d.nlogs; i++) {
		fuzz_check(lowerhex(d.logs[i].hash, 64), "log hash");
		printable(d.logs[i].key, "log key");
	}
	tbs = ll_digest_tosign(&d, "ab", &len);
	for (i = 0; i < len; i++)
		lines += tbs[i] == '\n';
	fuzz_check(lines == 3 && strlen(tbs) == len,
	    "the string to sign has %zu newlines", lines);
	free(tbs);
	again = rewrite(&d);
	fuzz_check(ll_digest_parse(again, strlen(again), &e, why) == 0,
	    "the document written back is refused: %s", why);
	same(&d, &e);
	free(again);
	ll_digest_free(&e);
	ll_digest_free(&d);
}

static void
names(const char *p, size_t n)
{
	struct ll_digest_name nm;
	const char *last, *u;
	char *key, iso[21], stamp[32];
	int64_t t;
	int k;

	for (last = p + n; last > p && last[-1] != '/'; last--)
		;
	if (ll_digest_name_parse(p, n, "111122223333", "us-east-1", &nm) ==
	    0) {
		key = ll_digest_key("", 0, "111122223333", "us-east-1", &nm,
		    nm.tend);
		fuzz_check(strlen(strrchr(key, '/') + 1) == (size_t)(p + n -
		    last) && memcmp(strrchr(key, '/') + 1, last, (size_t)(p +
		    n - last)) == 0, "the name rebuilt is %s", key);
		free(key);
	}
	if (ll_digest_logtime(p, n, &t) == 0) {
		/* The stamp formats back: YYYYMMDDTHHMM after three '_'. */
		ll_digest_isotime(t, iso);
		snprintf(stamp, sizeof(stamp), "%.4s%.2s%.2sT%.2s%.2s", iso,
		    iso + 5, iso + 8, iso + 11, iso + 14);
		for (u = last, k = 0; u < p + n && k < 3; u++)
			k += *u == '_';
		fuzz_check(k == 3 && p + n - u >= 13 &&
		    memcmp(u, stamp, 13) == 0, "log time %s", stamp);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy;

	/* An exact-size copy, so that a read past the end is caught. */
	copy = malloc(size);
	memcpy(copy, data, size);
	document(copy, size);
	names(copy, size);
	free(copy);
	return 0;
}
