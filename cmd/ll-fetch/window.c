/*
 * Bad dates are usage errors (exit 2) that name the option, as every
 * other option's bad argument is.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ll.h"
#include "walk.h"
#include "window.h"

/*
 * The day S ("YYYY-MM-DD") for option OPT.  A day that does not
 * exist comes back from timegm() as another one, which is how it is
 * told apart.
 */
long
ll_window_day(const char *opt, const char *s)
{
	struct tm tm;
	char back[16];
	time_t t;
	int i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			break;
	if (i < 10 || s[10] != '\0')
		errx(LL_EXIT_USAGE, "%s: %s: expected a date YYYY-MM-DD", opt,
		    s);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = atoi(s) - 1900;
	tm.tm_mon = atoi(s + 5) - 1;
	tm.tm_mday = atoi(s + 8);
	t = timegm(&tm);
	strftime(back, sizeof(back), "%Y-%m-%d", gmtime(&t));
	if (strcmp(back, s) != 0)
		errx(LL_EXIT_USAGE, "%s: %s: no such day", opt, s);
	return (long)(t / 86400);
}

/*
 * Once the options are read: W's window (set with --from) ends today
 * unless HASTO, and SETTLE days later.
 */
void
ll_window_close(struct ll_walk *w, int hasto, long settle)
{
	if (hasto && !w->window)
		errx(LL_EXIT_USAGE, "--to needs --from");
	if (!w->window)
		return;
	if (!hasto)
		w->to = (long)(time(NULL) / 86400);
	if (w->to < w->from)
		errx(LL_EXIT_USAGE, "--to is before --from");
	w->to += settle;
}
