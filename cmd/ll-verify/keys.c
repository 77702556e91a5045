/*
 * Loading and using CloudTrail's public keys.  A file that is not the
 * JSON of list-public-keys stops the run (exit 2, like any bad
 * argument); a single key that does not decode, or whose fingerprint
 * is not the MD5 of its bytes, is reported and left out, so that the
 * digests it signed are reported as not verifiable.
 */
#include <err.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "isotime.h"
#include "keys.h"
#include "ll.h"
#include "xalloc.h"

#define PEM_HEAD	"-----BEGIN RSA PUBLIC KEY-----"
#define PEM_TAIL	"-----END RSA PUBLIC KEY-----"

void
ll_keys_md5(const void *p, size_t n, char out[33])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned i, len;

	if (EVP_Digest(p, n, md, &len, EVP_md5(), NULL) != 1)
		errx(LL_EXIT_IO, "OpenSSL: MD5 failed");
	for (i = 0; i < len; i++) {
		out[2 * i] = digits[md[i] >> 4];
		out[2 * i + 1] = digits[md[i] & 15];
	}
	out[2 * len] = '\0';
}

/* Base64 (whitespace ignored) to bytes; -1 when it is not base64. */
static int
unbase64(const char *s, size_t n, unsigned char **out, size_t *outlen)
{
	EVP_ENCODE_CTX *ctx;
	int k, fin;

	*out = xmalloc(n / 4 * 3 + 4);
	if ((ctx = EVP_ENCODE_CTX_new()) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	EVP_DecodeInit(ctx);
	if (n > INT32_MAX || EVP_DecodeUpdate(ctx, *out, &k,
	    (const unsigned char *)s, (int)n) == -1 ||
	    EVP_DecodeFinal(ctx, *out + k, &fin) != 1) {
		EVP_ENCODE_CTX_free(ctx);
		free(*out);
		*out = NULL;
		return -1;
	}
	EVP_ENCODE_CTX_free(ctx);
	*outlen = (size_t)k + (size_t)fin;
	return 0;
}

/* A validity time: epoch seconds (aws-cli v1) or ISO-8601 (v2). */
static int
when(json_t *v, int64_t dflt, int64_t *t)
{
	int64_t ms;

	if (v == NULL || json_is_null(v))
		*t = dflt;
	else if (json_is_number(v) && json_number_value(v) > -1e15 &&
	    json_number_value(v) < 1e15)
		*t = (int64_t)json_number_value(v);
	else if (json_is_string(v) && ll_isotime_parse(json_string_value(v),
	    json_string_length(v), &ms) == 0)
		*t = ms / 1000;
	else
		return -1;
	return 0;
}

/* Decodes entry E of PATH into K; NULL, or why it cannot be used. */
static const char *
decode(json_t *e, struct ll_key *k, char *why, size_t whysize)
{
	const unsigned char *p;
	unsigned char *der;
	const char *val, *fp, *b, *t;
	size_t n, dlen;
	char sum[33];
	int whole;

	val = json_string_value(json_object_get(e, "Value"));
	fp = json_string_value(json_object_get(e, "Fingerprint"));
	if (val == NULL || fp == NULL)
		return "Value or Fingerprint is missing";
	n = json_string_length(json_object_get(e, "Value"));
	/* A PEM "RSA PUBLIC KEY" holds the same base64 between its lines. */
	if ((b = strstr(val, PEM_HEAD)) != NULL &&
	    (t = strstr(b, PEM_TAIL)) != NULL) {
		val = b + strlen(PEM_HEAD);
		n = (size_t)(t - val);
	}
	if (unbase64(val, n, &der, &dlen) == -1)
		return "Value is not base64";
	ll_keys_md5(der, dlen, sum);
	if (strcasecmp(sum, fp) != 0) {
		snprintf(why, whysize, "Fingerprint %.40s is not the MD5 of "
		    "the key, %s", fp, sum);
		free(der);
		return why;
	}
	p = der;
	k->pkey = d2i_PublicKey(EVP_PKEY_RSA, NULL, &p, (long)dlen);
	whole = p == der + dlen;
	free(der);
	if (k->pkey == NULL || !whole) {
		EVP_PKEY_free(k->pkey);
		k->pkey = NULL;
		return "Value is not a DER PKCS#1 RSA public key";
	}
	memcpy(k->fp, sum, sizeof(k->fp));
	if (when(json_object_get(e, "ValidityStartTime"), INT64_MIN,
	    &k->from) == -1 || when(json_object_get(e, "ValidityEndTime"),
	    INT64_MAX, &k->until) == -1) {
		EVP_PKEY_free(k->pkey);
		k->pkey = NULL;
		return "ValidityStartTime or ValidityEndTime is not a time";
	}
	return NULL;
}

void
ll_keys_load(struct ll_keys *kr, const char *path)
{
	json_error_t jerr;
	json_t *doc, *list, *e;
	struct ll_key k;
	const char *why;
	char whybuf[128];
	FILE *fp;
	size_t i;

	if ((fp = fopen(path, "r")) == NULL)
		err(LL_EXIT_IO, "%s", path);
	doc = json_loadf(fp, 0, &jerr);
	if (ferror(fp))
		err(LL_EXIT_IO, "%s", path);
	fclose(fp);
	if (doc == NULL)
		errx(LL_EXIT_USAGE, "%s:%d: not JSON: %s", path, jerr.line,
		    jerr.text);
	list = json_is_array(doc) ? doc : json_object_get(doc,
	    "PublicKeyList");
	if (!json_is_array(list))
		errx(LL_EXIT_USAGE, "%s: no PublicKeyList: not the output of "
		    "aws cloudtrail list-public-keys", path);
	json_array_foreach(list, i, e) {
		memset(&k, 0, sizeof(k));
		if (!json_is_object(e))
			why = "not an object";
		else
			why = decode(e, &k, whybuf, sizeof(whybuf));
		if (why != NULL) {
			warnx("%s: PublicKeyList[%zu]: %s; key not used", path,
			    i, why);
			ll_count(LL_R_BAD_PUBLIC_KEY);
			ll_fail(LL_EXIT_REJECT);
			continue;
		}
		if (ll_keys_find(kr, k.fp) != NULL) {
			EVP_PKEY_free(k.pkey);
			continue;
		}
		kr->v = xreallocarray(kr->v, kr->n + 1, sizeof(*kr->v));
		kr->v[kr->n++] = k;
	}
	json_decref(doc);
}

const struct ll_key *
ll_keys_find(const struct ll_keys *kr, const char *fp)
{
	size_t i;

	for (i = 0; i < kr->n; i++)
		if (strcmp(kr->v[i].fp, fp) == 0)
			return &kr->v[i];
	return NULL;
}

/*
 * Did the key's validity cover T?  CloudTrail signs a digest when it
 * delivers it, after its end time, so a key's range is widened by
 * LL_KEYS_SLACK: aws-cli met the same boundary (its PR #10072).
 */
int
ll_keys_valid_at(const struct ll_key *k, int64_t t)
{
	return (k->from == INT64_MIN || t >= k->from - LL_KEYS_SLACK) &&
	    (k->until == INT64_MAX || t <= k->until + LL_KEYS_SLACK);
}

static int
unhex(const char *s, unsigned char *out, size_t max, size_t *n)
{
	size_t i, len = strlen(s);
	int hi, lo;

	if (len % 2 != 0 || len / 2 > max)
		return -1;
	for (i = 0; i < len / 2; i++) {
		hi = s[2 * i] <= '9' ? s[2 * i] - '0' : (s[2 * i] | 32) - 'a' +
		    10;
		lo = s[2 * i + 1] <= '9' ? s[2 * i + 1] - '0' :
		    (s[2 * i + 1] | 32) - 'a' + 10;
		if (hi < 0 || hi > 15 || lo < 0 || lo > 15)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	*n = len / 2;
	return 0;
}

/*
 * RSA PKCS#1 v1.5 with SHA-256 of MSG against the hex signature HEXSIG:
 * 1 when it verifies, 0 when not (a malformed signature included).
 */
int
ll_keys_verify(const struct ll_key *k, const void *msg, size_t len,
    const char *hexsig)
{
	unsigned char sig[1024];
	EVP_MD_CTX *ctx;
	size_t n;
	int ok;

	if (unhex(hexsig, sig, sizeof(sig), &n) == -1)
		return 0;
	if ((ctx = EVP_MD_CTX_new()) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	ok = EVP_DigestVerifyInit(ctx, NULL, EVP_sha256(), NULL, k->pkey) ==
	    1 && EVP_DigestVerify(ctx, sig, n, msg, len) == 1;
	EVP_MD_CTX_free(ctx);
	return ok;
}

void
ll_keys_free(struct ll_keys *kr)
{
	size_t i;

	for (i = 0; i < kr->n; i++)
		EVP_PKEY_free(kr->v[i].pkey);
	free(kr->v);
	kr->v = NULL;
	kr->n = 0;
}
