/*
 * ll-fetch's progress line on standard error, redrawn in place at
 * most twice a second so that a fast run spends its time fetching,
 * not drawing.  The structure holds the counts the line shows; the
 * fetch path adds to them as objects arrive and bytes come in, and
 * --stats reports the bytes from here too.
 */
#ifndef LL_PROGRESS_H
#define LL_PROGRESS_H

#include <stdint.h>

struct ll_progress {
	int		 on;
	int		 list;		/* --list: counts listing records */
	double		 t0, last;
	uintmax_t	 expected;	/* listing records, when counted */
	uintmax_t	 seen;		/* objects read from the input */
	uintmax_t	 done;		/* objects finished, well or not */
	uintmax_t	 bytes_total;	/* bytes the listing announced */
	uintmax_t	 bytes_done;	/* bytes received */
};

void	ll_progress_init(struct ll_progress *, int, int);
void	ll_progress_show(struct ll_progress *, int);
void	ll_progress_summary(const struct ll_progress *, const char *);

#endif
