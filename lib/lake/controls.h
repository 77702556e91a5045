/*
 * Central controls: one human-edited file of allow and deny lists
 * (accounts, regions, organizations, event sources, event names, log
 * groups) and an optional window of days, applied alike to S3 listing
 * records, CloudTrail records and CloudWatch log events, so one line
 * stops an account everywhere.  The format is in ll-controls(5).
 *
 * Deny wins over allow; a field with no allow list is allowed unless
 * denied; a record that does not carry a field is never removed by a
 * rule about that field.
 */
#ifndef LL_CONTROLS_H
#define LL_CONTROLS_H

#include <stddef.h>

#include <jansson.h>

enum ll_cfield {
	LL_CF_ACCOUNT, LL_CF_REGION, LL_CF_ORGANIZATION, LL_CF_EVENTSOURCE,
	LL_CF_EVENTNAME, LL_CF_LOGGROUP, LL_CF_DAY, LL_CF_NFIELDS
};

/* How a record field becomes a controls value. */
enum ll_ckind {
	LL_CK_TEXT,		/* a string, as it is */
	LL_CK_DAY,		/* "YYYY-MM-DD", the day an object came */
	LL_CK_TIME,		/* ISO-8601 time: its UTC day */
	LL_CK_MILLIS		/* epoch milliseconds: its UTC day */
};

/*
 * The record fields read, by jq-style path; where several feed one
 * controls field, the first one present wins.
 */
struct ll_csource {
	const char	*path;
	enum ll_cfield	 field;
	enum ll_ckind	 kind;
};

#define LL_NCSOURCES	13
extern const struct ll_csource ll_csources[LL_NCSOURCES];

/* One record's controls values; NULL where the record has none. */
struct ll_crecord {
	const char	*val[LL_CF_NFIELDS];
	size_t		 len[LL_CF_NFIELDS];
	int		 src[LL_CF_NFIELDS];	/* source that set it, or -1 */
	int		 delivery;		/* day is a delivery day */
	char		 day[11];
};

struct ll_controls;

struct ll_controls *ll_controls_load(const char *);
void	ll_controls_free(struct ll_controls *);
int	ll_controls_test(const struct ll_controls *, json_t *);
int	ll_controls_allows(const struct ll_controls *, const char *,
	    const char *);
size_t	ll_controls_nrules(const struct ll_controls *);
const char *ll_controls_rule(const struct ll_controls *, size_t);

/* For callers that find the source values without jansson. */
void	ll_controls_rec_clear(struct ll_crecord *);
void	ll_controls_rec_string(struct ll_crecord *, size_t, const char *,
	    size_t);
void	ll_controls_rec_number(struct ll_crecord *, size_t, double);
int	ll_controls_check(const struct ll_controls *,
	    const struct ll_crecord *);

#endif
