/*
 * Option arguments every tool parses the same way: checked numbers and
 * sizes.  A bad value is a usage error (exit 2) naming the option.
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "opt.h"

/* A whole number from MIN to MAX. */
long long
ll_opt_num(const char *opt, const char *s, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || errno == ERANGE || v < min || v > max)
		errx(LL_EXIT_USAGE, "%s: %s: expected a number from %lld "
		    "to %lld", opt, s, min, max);
	return v;
}

/* A size with an optional K, M, G or T suffix (powers of 1024). */
long long
ll_opt_size(const char *opt, const char *s)
{
	const char *units = "KMGT";
	const char *u;
	char *end;
	long long v;
	int shift;

	errno = 0;
	v = strtoll(s, &end, 10);
	shift = 0;
	if (*end != '\0' && (u = strchr(units, *end)) != NULL &&
	    (end[1] == '\0' || (end[1] == 'B' && end[2] == '\0') ||
	    (end[1] == 'i' && end[2] == 'B' && end[3] == '\0'))) {
		shift = 10 * (int)(u - units + 1);
		end += strlen(end);
	}
	if (end == s || *end != '\0' || errno == ERANGE || v < 0 ||
	    v > (LLONG_MAX >> shift))
		errx(LL_EXIT_USAGE, "%s: %s: expected a size such as 512K, "
		    "64M or 2G", opt, s);
	return v << shift;
}
