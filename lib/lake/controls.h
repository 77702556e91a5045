/*
 * Central controls: one human-edited file of allow and deny lists
 * (accounts, regions, organizations, and the fields the sources name,
 * such as event names or log groups) and an optional window of days,
 * applied alike to S3 listing records and to every source's records,
 * so one line stops an account everywhere.  The format is in
 * ll-controls(5).
 *
 * Deny wins over allow; a field with no allow list is allowed unless
 * denied; a record that does not carry a field is never removed by a
 * rule about that field.
 */
#ifndef LL_CONTROLS_H
#define LL_CONTROLS_H

#include <stddef.h>

#include <jansson.h>

/* A controls field: its word in the file, and what its values are. */
struct ll_cfield {
	const char	*name;
	const char	*chars;		/* bytes a value may hold */
	size_t		 min, max;	/* length of a whole value */
	const char	*what;		/* "an account id (12 digits)" */
	/* A further check of a value (1 ok), given whether it ends in
	   '*' (which N leaves out); or NULL. */
	int		(*valid)(const char *, size_t, int);
};

/* How a record's value becomes a controls value. */
enum ll_cvkind {
	LL_CV_TEXT,		/* a string, as it is */
	LL_CV_DAY,		/* "YYYY-MM-DD", the day an object came */
	LL_CV_TIME		/* an event time (ISO 8601 text, or epoch
				   milliseconds): its UTC day */
};

/* A record field, by jq-style path, that feeds a controls field. */
struct ll_cpath {
	const char		*path;
	const struct ll_cfield	*field;
	enum ll_cvkind		 kind;
};

/* The fields every object's key may state (lib/lake/s3key.h). */
extern const struct ll_cfield ll_controls_account;
extern const struct ll_cfield ll_controls_region;
extern const struct ll_cfield ll_controls_organization;
extern const struct ll_cfield ll_controls_day;

#define LL_CF_MAX	16	/* controls fields, all sources together */

/*
 * One record's controls values, by field (ll_source_cfields); NULL
 * where the record has none.
 */
struct ll_crecord {
	const char	*val[LL_CF_MAX];
	size_t		 len[LL_CF_MAX];
	int		 src[LL_CF_MAX];	/* path that set it, or -1 */
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

/*
 * For callers that find the values without jansson: the record paths
 * are ll_source_cpaths' (lib/lake/source.h), by index.
 */
void	ll_controls_rec_clear(struct ll_crecord *);
void	ll_controls_rec_string(struct ll_crecord *, size_t, const char *,
	    size_t);
void	ll_controls_rec_number(struct ll_crecord *, size_t, double);
int	ll_controls_check(const struct ll_controls *,
	    const struct ll_crecord *);

#endif
