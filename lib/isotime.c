/*
 * Civil dates to days since 1970-01-01 and back, by the proleptic
 * Gregorian arithmetic of Howard Hinnant's "chrono-compatible
 * low-level date algorithms", so no call depends on TZ or the libc.
 */
#include "isotime.h"

#define MS_DAY	86400000LL

/* The days from 1970-01-01 to year Y, month M, day D. */
int64_t
ll_isotime_days(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/* Reads exactly n digits; -1 if any is not a digit. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* A day "YYYY-MM-DD" that exists in the calendar. */
int
ll_isotime_day_valid(const char *s, size_t n)
{
	int y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m);
}

/*
 * Parses "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM[:SS[.fff]]"
 * followed by "Z", "+HH:MM", "-HHMM", "+HH" or nothing (UTC) into
 * milliseconds since the epoch.  Returns 0, or -1 if S is not such a
 * time.
 */
int
ll_isotime_parse(const char *s, size_t n, int64_t *ms)
{
	const char *end = s + n;
	int64_t t, frac, scale;
	int h = 0, mi = 0, sec = 0, oh, om, sign;

	if (n < 10 || !ll_isotime_day_valid(s, 10))
		return -1;
	t = ll_isotime_days(digits(s, 4), (unsigned)digits(s + 5, 2),
	    (unsigned)digits(s + 8, 2)) * MS_DAY;
	s += 10;
	if (s < end) {
		if (*s != 'T' || end - s < 6 || s[3] != ':' ||
		    (h = digits(s + 1, 2)) < 0 || h > 23 ||
		    (mi = digits(s + 4, 2)) < 0 || mi > 59)
			return -1;
		s += 6;
		if (s < end && *s == ':') {
			if (end - s < 3 || (sec = digits(s + 1, 2)) < 0 ||
			    sec > 59)
				return -1;
			s += 3;
			if (s < end && *s == '.') {
				frac = 0;
				scale = 1000;
				for (s++; s < end && *s >= '0' && *s <= '9';
				    s++) {
					frac = frac * 10 + (*s - '0');
					scale *= 10;
					if (scale > 1000000000000LL)
						return -1;
				}
				if (scale == 1000)
					return -1;
				t += frac * 1000 * 1000 / scale;
			}
		}
		t += ((int64_t)h * 3600 + mi * 60 + sec) * 1000;
	}
	if (s < end && *s == 'Z')
		s++;
	else if (s < end && (*s == '+' || *s == '-')) {
		sign = *s == '+' ? 1 : -1;
		if (end - s < 3 || (oh = digits(s + 1, 2)) < 0 || oh > 23)
			return -1;
		s += 3;
		om = 0;
		if (s < end && *s == ':')
			s++;
		if (s < end) {
			if (end - s < 2 || (om = digits(s, 2)) < 0 || om > 59)
				return -1;
			s += 2;
		}
		t -= sign * ((int64_t)oh * 60 + om) * 60000;
	}
	if (s != end)
		return -1;
	*ms = t;
	return 0;
}

/* Writes the UTC day of MS as "YYYY-MM-DD"; -1 outside years 0-9999. */
int
ll_isotime_day(int64_t ms, char day[11])
{
	int64_t days, y;
	unsigned m, d;

	days = ms / MS_DAY - (ms % MS_DAY < 0);
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return -1;
	day[0] = (char)('0' + y / 1000);
	day[1] = (char)('0' + y / 100 % 10);
	day[2] = (char)('0' + y / 10 % 10);
	day[3] = (char)('0' + y % 10);
	day[4] = day[7] = '-';
	day[5] = (char)('0' + m / 10);
	day[6] = (char)('0' + m % 10);
	day[8] = (char)('0' + d / 10);
	day[9] = (char)('0' + d % 10);
	day[10] = '\0';
	return 0;
}
