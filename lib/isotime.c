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

/*
 * An event time as the sources write it, RFC 3339: YYYY-MM-DDTHH:MM:SS,
 * an optional fraction, then Z or +HH:MM ("t" and "z" too), into
 * milliseconds since the epoch.  A fraction finer than milliseconds is
 * cut; a leap second (:60) is held at :59.999, in its own minute and
 * day.  Stricter than ll_isotime_parse: the seconds and the zone are
 * required, as RFC 3339 requires them.
 */
int
ll_isotime_rfc3339(const char *p, size_t n, int64_t *ms)
{
	const char *end = p + n;
	int64_t t;
	int h, mi, s, oh, om, sign, frac, k;

	if (n < 20 || !ll_isotime_day_valid(p, 10) ||
	    (p[10] != 'T' && p[10] != 't') || p[13] != ':' || p[16] != ':')
		return -1;
	h = digits(p + 11, 2);
	mi = digits(p + 14, 2);
	s = digits(p + 17, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
		return -1;
	t = ll_isotime_days(digits(p, 4), (unsigned)digits(p + 5, 2),
	    (unsigned)digits(p + 8, 2)) * MS_DAY +
	    ((int64_t)h * 3600 + mi * 60) * 1000;
	p += 19;
	frac = 0;
	if (p < end && *p == '.') {
		for (k = 0, p++; p < end && *p >= '0' && *p <= '9'; p++, k++)
			if (k < 3)
				frac = frac * 10 + (*p - '0');
		if (k == 0)
			return -1;
		for (; k < 3; k++)
			frac *= 10;
	}
	t += s == 60 ? 59999 : s * 1000 + frac;
	if (end - p == 1 && (*p == 'Z' || *p == 'z'))
		;
	else if (end - p == 6 && (*p == '+' || *p == '-') && p[3] == ':') {
		sign = *p == '+' ? 1 : -1;
		oh = digits(p + 1, 2);
		om = digits(p + 4, 2);
		if (oh < 0 || oh > 23 || om < 0 || om > 59)
			return -1;
		t -= sign * ((int64_t)oh * 60 + om) * 60000;
	} else
		return -1;
	*ms = t;
	return 0;
}

/*
 * Epoch milliseconds as CloudWatch Logs writes them: decimal digits,
 * no sign, before the year 10000.
 */
int
ll_isotime_epoch_ms(const char *p, size_t n, int64_t *ms)
{
	int64_t t;
	size_t i;

	if (n == 0 || n > 15)
		return -1;
	for (t = 0, i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		t = t * 10 + p[i] - '0';
	}
	if (t >= 253402300800000LL)
		return -1;
	*ms = t;
	return 0;
}

/* N decimal digits of V at P, zero-padded: snprintf is slow per row. */
static char *
put_digits(char *p, unsigned v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

/*
 * Writes MS as the lake writes every time, "YYYY-MM-DDTHH:MM:SS.mmmZ":
 * UTC, milliseconds, one width, so that text order is time order.  -1
 * outside the years 0 to 9999.
 */
int
ll_isotime_text(int64_t ms, char buf[LL_ISOTIME_TEXT])
{
	int64_t r;
	unsigned sec;
	char *p;

	if (ll_isotime_day(ms, buf) == -1)
		return -1;
	r = ms % MS_DAY;
	if (r < 0)
		r += MS_DAY;
	sec = (unsigned)(r / 1000);
	p = buf + 10;
	*p++ = 'T';
	p = put_digits(p, sec / 3600, 2);
	*p++ = ':';
	p = put_digits(p, sec / 60 % 60, 2);
	*p++ = ':';
	p = put_digits(p, sec % 60, 2);
	*p++ = '.';
	p = put_digits(p, (unsigned)(r % 1000), 3);
	p[0] = 'Z';
	p[1] = '\0';
	return 0;
}
