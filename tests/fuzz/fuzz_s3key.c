/*
 * Fuzzes the S3 key classifier (lib/lake/s3key.c) that ll-fetch uses
 * to file objects by kind, organisation, account, region and day, by
 * the key patterns of the sources.  Checks: every field is
 * NUL-terminated within its array and holds only the characters its
 * kind allows; a key of a source's kind states every field its pattern
 * requires (a valid day, an account...), and an hour only if its
 * pattern has one; the result does not depend on the bytes after the
 * key's length (the parser must not read past it).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lake/s3key.h"
#include "lake/source.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The fields the pattern of the key's kind requires, or 0 for "other". */
static int
required(const struct ll_s3key *k)
{
	const struct ll_keypat *kp;

	if (k->source == NULL)
		return 0;
	for (kp = k->source->keys; kp->kind != NULL; kp++)
		if (strcmp(kp->kind, k->kind) == 0)
			return ll_s3key_fields(kp->pattern);
	fuzz_check(0, "kind %s is not its source's", k->kind);
	return 0;
}

static void
field(const char *f, size_t size, const char *name, const char *allowed)
{
	size_t n, i;

	n = strnlen(f, size);
	fuzz_check(n < size, "%s is not terminated", name);
	for (i = 0; i < n; i++)
		fuzz_check(strchr(allowed, f[i]) != NULL,
		    "%s holds byte 0x%02x", name, (unsigned char)f[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char lower[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
	struct ll_s3key a, b;
	char *copy;
	int need;

	memset(&a, 0x55, sizeof(a));
	ll_s3key_parse((const char *)data, size, &a);
	fuzz_check(a.kind != NULL && (a.source != NULL ||
	    strcmp(a.kind, "other") == 0), "a kind without a source");
	need = required(&a);
	field(a.org, sizeof(a.org), "org", lower);
	field(a.account, sizeof(a.account), "account", "0123456789");
	field(a.region, sizeof(a.region), "region", "abcdefghijklmnopqrstu"
	    "vwxyz0123456789-");
	field(a.day, sizeof(a.day), "day", "0123456789-");
	field(a.hour, sizeof(a.hour), "hour", "0123456789");
	fuzz_check(a.account[0] == '\0' || strlen(a.account) == 12,
	    "account %s is not 12 digits", a.account);
	fuzz_check(!(need & LL_S3KEY_DAY) || strlen(a.day) == 10,
	    "kind %s without a day", a.kind);
	fuzz_check(!(need & LL_S3KEY_ACCOUNT) || a.account[0] != '\0',
	    "kind %s without an account", a.kind);
	fuzz_check(!(need & LL_S3KEY_REGION) || a.region[0] != '\0',
	    "kind %s without a region", a.kind);
	fuzz_check((need & LL_S3KEY_HOUR) ? strlen(a.hour) == 2 :
	    a.hour[0] == '\0', "kind %s and hour '%s'", a.kind, a.hour);
	fuzz_check(a.source != NULL || !a.records, "records of no source");

	/* The same key followed by other bytes: nothing may change. */
	copy = malloc(size + 8);
	memcpy(copy, data, size);
	memcpy(copy + size, "/x/2026/", 8);
	memset(&b, 0x55, sizeof(b));
	ll_s3key_parse(copy, size, &b);
	free(copy);
	fuzz_check(memcmp(&a, &b, sizeof(a)) == 0,
	    "the parser read past the key");
	return 0;
}
