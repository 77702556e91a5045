/*
 * Fuzzes the S3 key parser (lib/s3key.c) that ll-list and ll-fetch use
 * to file objects by kind, organisation, account, region and day.
 * Checks: every field is NUL-terminated within its array and holds
 * only the characters its kind allows; a key that parses as anything
 * but LL_S3K_OTHER has a valid day, and a CloudTrail file or digest an
 * account and a region, with or without an AWSLogs folder in the key
 * (the name states them); the result does not depend on the
 * bytes after the key's length (the parser must not read past it).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lake/s3key.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

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

	memset(&a, 0x55, sizeof(a));
	ll_s3key_parse((const char *)data, size, &a);
	fuzz_check(ll_s3key_kind(a.kind) != NULL, "kind %d has no name",
	    (int)a.kind);
	field(a.org, sizeof(a.org), "org", lower);
	field(a.account, sizeof(a.account), "account", "0123456789");
	field(a.region, sizeof(a.region), "region", "abcdefghijklmnopqrstu"
	    "vwxyz0123456789-");
	field(a.day, sizeof(a.day), "day", "0123456789-");
	field(a.hour, sizeof(a.hour), "hour", "0123456789");
	fuzz_check(a.account[0] == '\0' || strlen(a.account) == 12,
	    "account %s is not 12 digits", a.account);
	fuzz_check(a.kind == LL_S3K_OTHER || strlen(a.day) == 10,
	    "kind %s without a day", ll_s3key_kind(a.kind));
	fuzz_check(a.hour[0] == '\0' || a.kind == LL_S3K_FIREHOSE,
	    "an hour for kind %s", ll_s3key_kind(a.kind));
	fuzz_check((a.kind != LL_S3K_CLOUDTRAIL && a.kind != LL_S3K_DIGEST) ||
	    (a.account[0] != '\0' && a.region[0] != '\0'),
	    "kind %s without an account and a region",
	    ll_s3key_kind(a.kind));

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
