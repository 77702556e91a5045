/*
 * Which shard an object belongs to.  A CloudTrail key names its
 * account and region, and every copy of an event is delivered under
 * the account and region that recorded it, so splitting by the two
 * keeps each shard's de-duplication complete.  Keys that name no
 * account (Firehose deliveries, keys of unknown layout) all go to
 * shard 0, so every object is in exactly one shard and the cloudwatch
 * table is de-duplicated whole.
 *
 * Bad or contradictory numbers are usage errors (exit 2): a child
 * that guessed would process another's objects, or none.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "lake/s3key.h"
#include "lake/shard.h"

/* The index variables engines set, each 0-based. */
static const char *const indexvars[] = {
	"AWS_BATCH_JOB_ARRAY_INDEX",	/* AWS Batch array job */
	"JOB_COMPLETION_INDEX",		/* Kubernetes Indexed Job */
	"CLOUD_RUN_TASK_INDEX",		/* Google Cloud Run job */
	NULL
};

/* FNV-1a, 32 bits: stable across machines, versions and builds. */
uint32_t
ll_shard_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* A decimal number from MIN to MAX, or exit 2 naming WHAT. */
static unsigned long
number(const char *what, const char *s, unsigned long min,
    unsigned long max)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno == ERANGE ||
	    v < min || v > max)
		errx(LL_EXIT_USAGE, "%s: %s: expected a number from %lu to "
		    "%lu", what, s, min, max);
	return v;
}

/* --shard INDEX/COUNT into SH; OPT names the option in messages. */
void
ll_shard_parse(struct ll_shard *sh, const char *opt, const char *s)
{
	unsigned long i, n;
	char *end;

	errno = 0;
	i = strtoul(s, &end, 10);
	if (*s >= '0' && *s <= '9' && *end == '/' && end[1] >= '0' &&
	    end[1] <= '9' && errno == 0) {
		n = strtoul(end + 1, &end, 10);
		if (*end == '\0' && errno == 0 && n >= 1 &&
		    n <= LL_SHARD_MAX && i < n) {
			sh->index = i;
			sh->count = n;
			sh->from = opt;
			return;
		}
	}
	errx(LL_EXIT_USAGE, "%s: %s: expected INDEX/COUNT, such as 0/4, "
	    "INDEX under COUNT (at most %lu)", opt, s, LL_SHARD_MAX);
}

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* The one index the environment gives, or NULL; exit 2 if two differ. */
static const char *
env_index(const char **var)
{
	const char *v, *found = NULL;
	size_t i;

	for (i = 0; indexvars[i] != NULL; i++) {
		if ((v = env(indexvars[i])) == NULL)
			continue;
		number(indexvars[i], v, 0, LL_SHARD_MAX - 1);
		if (found != NULL && strtoul(v, NULL, 10) !=
		    strtoul(found, NULL, 10))
			errx(LL_EXIT_USAGE, "%s=%s and %s=%s disagree: which "
			    "shard is this?", *var, found, indexvars[i], v);
		if (found == NULL) {
			found = v;
			*var = indexvars[i];
		}
	}
	return found;
}

/* The count --shards or the environment gives, or 0. */
static unsigned long
env_count(const char *shards, const char **what)
{
	const char *v;
	unsigned long n = 0, m;

	if ((v = env("LL_SHARD_COUNT")) != NULL) {
		n = number("LL_SHARD_COUNT", v, 1, LL_SHARD_MAX);
		*what = "LL_SHARD_COUNT";
	}
	if (shards != NULL) {
		m = number("--shards", shards, 1, LL_SHARD_MAX);
		if (n != 0 && n != m)
			errx(LL_EXIT_USAGE, "--shards %lu but LL_SHARD_COUNT="
			    "%lu", m, n);
		n = m;
		*what = "--shards";
	}
	if ((v = env("CLOUD_RUN_TASK_COUNT")) != NULL) {
		m = number("CLOUD_RUN_TASK_COUNT", v, 1, LL_SHARD_MAX);
		if (n != 0 && n != m)
			errx(LL_EXIT_USAGE, "%s gives %lu shards but "
			    "CLOUD_RUN_TASK_COUNT=%lu", *what, n, m);
		if (n == 0)
			*what = "CLOUD_RUN_TASK_COUNT";
		n = m;
	}
	return n;
}

/* --shard given: the environment may only agree with it. */
static void
check_env(const struct ll_shard *sh, const char *opt, const char *var,
    const char *idx, unsigned long n, const char *what)
{
	if (idx != NULL && strtoul(idx, NULL, 10) != sh->index)
		errx(LL_EXIT_USAGE, "--shard %s but %s=%s: which shard is "
		    "this?", opt, var, idx);
	if (n != 0 && n != sh->count)
		errx(LL_EXIT_USAGE, "--shard %s but %s gives %lu shards", opt,
		    what, n);
}

/*
 * Sets SH from OPT (--shard INDEX/COUNT, or NULL) and SHARDS (--shards
 * COUNT, or NULL), else from the environment; unsharded (0 of 1) when
 * nothing says otherwise.  Where both say, they must agree.
 */
void
ll_shard_resolve(struct ll_shard *sh, const char *opt, const char *shards)
{
	const char *var = NULL, *idx, *what = NULL;
	unsigned long n;

	sh->index = 0;
	sh->count = 1;
	sh->from = NULL;
	idx = env_index(&var);
	n = env_count(shards, &what);
	if (opt != NULL) {
		ll_shard_parse(sh, "--shard", opt);
		check_env(sh, opt, var, idx, n, what);
		return;
	}
	if (idx == NULL && n == 0)
		return;
	if (idx == NULL)
		errx(LL_EXIT_USAGE, "%s gives a count of shards but no index "
		    "is set (--shard INDEX/COUNT, AWS_BATCH_JOB_ARRAY_INDEX, "
		    "JOB_COMPLETION_INDEX or CLOUD_RUN_TASK_INDEX)", what);
	if (n == 0)
		errx(LL_EXIT_USAGE, "%s=%s: give the number of shards with "
		    "--shards N or LL_SHARD_COUNT", var, idx);
	sh->index = strtoul(idx, NULL, 10);
	sh->count = n;
	sh->from = var;
	if (sh->index >= n)
		errx(LL_EXIT_USAGE, "%s=%s: not under the %lu shards %s "
		    "gives", var, idx, n, what);
}

/* The shard of the object under KEY, of KEYLEN bytes. */
unsigned long
ll_shard_of(const struct ll_shard *sh, const char *key, size_t keylen)
{
	struct ll_s3key k;
	char buf[sizeof(k.account) + sizeof(k.region) + 1];
	int n;

	if (sh->count <= 1)
		return 0;
	ll_s3key_parse(key, keylen, &k);
	if (k.account[0] == '\0')
		return 0;
	n = snprintf(buf, sizeof(buf), "%s/%s", k.account, k.region);
	return ll_shard_hash(buf, (size_t)n) % sh->count;
}

int
ll_shard_mine(const struct ll_shard *sh, const char *key, size_t keylen)
{
	return ll_shard_of(sh, key, keylen) == sh->index;
}
