/*
 * What ll-verify says: one NDJSON record per finding on standard
 * output, one record per object with its status in the --objects
 * file, and the counters of the summary and of --stats.
 */
#ifndef LL_VERIFY_REPORT_H
#define LL_VERIFY_REPORT_H

#include <stdint.h>

#include "ll.h"

enum status { ST_VALIDATED, ST_INVALID, ST_UNCOVERED };
enum kind { K_DIGEST, K_LOG, K_OTHER, K_NKINDS };

/* Where a finding is: the trail's bucket, account and so on. */
struct ll_where {
	const char	*bucket;
	const char	*org;		/* NULL unless an organization trail */
	const char	*account;
	const char	*region;
	const char	*trail;		/* NULL when not known */
};

struct ll_finding {
	const char	*type;
	const char	*key;
	const char	*digest;	/* the digest that says so, or NULL */
	const char	*expected;
	const char	*found;
};

void	ll_report_finding(const struct ll_where *, const struct ll_finding *,
	    const char *, ...) LL_PRINTF(3, 4);
void	ll_report_objects(const char *);
void	ll_report_object(const char *, const char *, const char *, enum kind,
	    const char *, enum status, const char *);
void	ll_report_end(int);
uintmax_t ll_report_findings(void);

#endif
