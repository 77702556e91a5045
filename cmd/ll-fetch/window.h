/*
 * The listing's date window, from --from, --to and --settle, in the
 * form the walk takes: whole UTC days since 1970-01-01, inclusive.
 * A log file's delivery day, which names its prefix, can be later
 * than its events' day, so the end is stretched by the settle days.
 */
#ifndef LL_WINDOW_H
#define LL_WINDOW_H

#include "walk.h"

long	ll_window_day(const char *, const char *);
void	ll_window_close(struct ll_walk *, int, long);

#endif
