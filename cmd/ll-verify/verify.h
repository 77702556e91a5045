/*
 * The run: settings from the command line, the keys and the manifest,
 * and what carries over from one account's objects to the end of the
 * run.  The store is scanned bucket by bucket; the CloudTrail objects
 * of one account are gathered, then checked region by region (a
 * "group": one account's log files and digests in one region).
 */
#ifndef LL_VERIFY_VERIFY_H
#define LL_VERIFY_VERIFY_H

#include <stddef.h>
#include <stdint.h>

#include "digest.h"
#include "keys.h"
#include "manifest.h"

#define HOUR	3600

/* The newest digest of a chain, for the cadence up to --until. */
struct ll_chainend {
	char		*bucket;
	char		*acctdir;
	char		*org;
	char		 account[13];
	char		 region[33];
	struct ll_digest_name	 nm;
	int64_t		 t;
	char		*key;
};

struct ll_run {
	const char	*store;
	struct ll_keys	 keys;
	struct ll_manifest	 man;
	int		 have_from, have_until;
	int64_t		 from, until;
	size_t		 max_digest;
	int64_t		 newest;	/* latest delivery seen in the store */
	struct ll_chainend	*ends;
	size_t		 nends;
};

struct ll_obj {
	char	*key;
	char	*path;
	int	 digest;		/* a digest; else a log file */
	char	 region[33];
};

struct ll_group {
	struct ll_run	*run;
	const char	*bucket;
	const char	*acctdir;	/* [prefix/]AWSLogs/[o-ORG/]ACCOUNT/ */
	const char	*org;		/* NULL unless an organization trail */
	const char	*account;
	const char	*region;
	struct ll_obj	*objs;
	size_t		 n;
};

void	ll_scan_store(struct ll_run *);
void	ll_trail_check(struct ll_group *);
void	ll_trail_ends(struct ll_run *);
int	ll_scan_in_window(const struct ll_run *, int64_t);
int	ll_scan_on_disk(const struct ll_run *, const char *, const char *);

#endif
