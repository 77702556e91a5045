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
struct chainend {
	char		*bucket;
	char		*acctdir;
	char		*org;
	char		 account[13];
	char		 region[33];
	struct dg_name	 nm;
	int64_t		 t;
	char		*key;
};

struct run {
	const char	*store;
	struct keyring	 keys;
	struct manifest	 man;
	int		 have_from, have_until;
	int64_t		 from, until;
	size_t		 max_digest;
	int64_t		 newest;	/* latest delivery seen in the store */
	struct chainend	*ends;
	size_t		 nends;
};

struct obj {
	char	*key;
	char	*path;
	int	 digest;		/* a digest; else a log file */
	char	 region[33];
};

struct group {
	struct run	*run;
	const char	*bucket;
	const char	*acctdir;	/* "[prefix/]AWSLogs/[o-ORG/]ACCOUNT/" */
	const char	*org;		/* NULL when not an organization trail */
	const char	*account;
	const char	*region;
	struct obj	*objs;
	size_t		 n;
};

void	scan_store(struct run *);
void	trail_check(struct group *);
void	trail_ends(struct run *);
int	in_window(const struct run *, int64_t);
int	on_disk(const struct run *, const char *, const char *);

#endif
