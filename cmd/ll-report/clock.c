/*
 * The clock that shows a session's times: in UTC whatever TZ says, and
 * in the --tz zone (main sets TZ to it), whose days and hours the
 * chart counts.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "isotime.h"
#include "report.h"

#define MS_DAY	86400000LL

static int64_t
floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* "2026-03-01 10:05:00", in UTC whatever TZ says. */
void
ll_clock_utc(int64_t ms, char buf[32])
{
	time_t t = (time_t)floordiv(ms, 1000);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, 32, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		strcpy(buf, "?");
}

/* The same moment in the --tz zone, with its abbreviation. */
void
ll_clock_local(const struct clock *c, int64_t ms, char buf[64])
{
	time_t t = (time_t)floordiv(ms, 1000);
	struct tm tm;

	(void)c;
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, 64, "%Y-%m-%d %H:%M:%S %Z", &tm) == 0)
		strcpy(buf, "?");
}

/* The day (days since 1970-01-01) and hour of MS as the chart shows it. */
int64_t
ll_clock_day(const struct clock *c, int64_t ms, int *hour)
{
	time_t t = (time_t)floordiv(ms, 1000);
	struct tm tm;

	if (c->zone == NULL || localtime_r(&t, &tm) == NULL) {
		*hour = (int)(floordiv(ms, 3600000) - floordiv(ms, MS_DAY) *
		    24);
		return floordiv(ms, MS_DAY);
	}
	*hour = tm.tm_hour;
	return ll_isotime_days(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday);
}

void
ll_clock_dayname(int64_t day, char buf[11])
{
	ll_isotime_day(day * MS_DAY, buf);
}

/* "45s", "2m 05s", "1h 02m 03s", "3d 04h 05m"; "-" when unknown. */
void
ll_clock_duration(int64_t ms, char buf[32])
{
	int64_t s = ms / 1000;

	if (ms < 0)
		strcpy(buf, "-");
	else if (s < 60)
		snprintf(buf, 32, "%llds", (long long)s);
	else if (s < 3600)
		snprintf(buf, 32, "%lldm %02llds", (long long)(s / 60),
		    (long long)(s % 60));
	else if (s < 86400)
		snprintf(buf, 32, "%lldh %02lldm %02llds",
		    (long long)(s / 3600), (long long)(s / 60 % 60),
		    (long long)(s % 60));
	else
		snprintf(buf, 32, "%lldd %02lldh %02lldm",
		    (long long)(s / 86400), (long long)(s / 3600 % 24),
		    (long long)(s / 60 % 60));
}
