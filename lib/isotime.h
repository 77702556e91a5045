/*
 * ISO-8601 times as CloudTrail writes them ("2026-03-01T10:05:00Z")
 * and UTC days ("2026-03-01"), in milliseconds since the epoch, the
 * unit of CloudWatch Logs timestamps.  No time zone database: only Z
 * and numeric offsets, which is all AWS writes.
 */
#ifndef LL_ISOTIME_H
#define LL_ISOTIME_H

#include <stddef.h>
#include <stdint.h>

int64_t	ll_isotime_days(int64_t, unsigned, unsigned);
int	ll_isotime_parse(const char *, size_t, int64_t *);
int	ll_isotime_day(int64_t, char [11]);
int	ll_isotime_day_valid(const char *, size_t);
int	ll_isotime_rfc3339(const char *, size_t, int64_t *);
int	ll_isotime_epoch_ms(const char *, size_t, int64_t *);

#define LL_ISOTIME_TEXT	25	/* "YYYY-MM-DDTHH:MM:SS.mmmZ" and NUL */
int	ll_isotime_text(int64_t, char [LL_ISOTIME_TEXT]);

#endif
