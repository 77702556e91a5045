/*
 * Log Lake's process-wide layer: the tool's name, error reporting,
 * record rejection and run counters (--stats).
 * Every tool calls ll_init() first and returns ll_finish() from main.
 */
#ifndef LL_H
#define LL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "exit.h"
#include "reason.h"

/* Counters every tool reports with --stats FILE. */
struct ll_stats {
	uintmax_t	records_in;
	uintmax_t	bytes_in;
	uintmax_t	records_out;
	uintmax_t	bytes_out;
	uintmax_t	rejected;
	json_t		*reasons;	/* reason -> count */
	json_t		*extra;		/* tool-specific counters */
};

/* Per thread: io/sink.h hands a worker's counts to the main thread. */
extern _Thread_local struct ll_stats ll_stats;
extern const char *ll_progname;

void	ll_init(const char *);
__dead void ll_version(void);
void	ll_warnx_at(const char *, uintmax_t, const char *, ...) LL_PRINTF(3, 4);
void	ll_warnx_conf(const char *, uintmax_t, const char *, ...)
	    LL_PRINTF(3, 4);
void	ll_warnx_done(const char *, const char *, uintmax_t, const char *);
void	ll_hint(const char *);
void	ll_msg(const char *, ...) LL_PRINTF(1, 2);
void	ll_status(const char *, ...) LL_PRINTF(1, 2);
void	ll_status_end(void);
void	ll_reject_open(const char *);
void	ll_reject(enum ll_reason, const void *, size_t);
void	ll_reject_bytes(const void *, size_t);
void	ll_reject_end(enum ll_reason);
void	ll_count(enum ll_reason);
void	ll_count_n(enum ll_reason, uintmax_t);
void	ll_stats_add(const char *, uintmax_t);
void	ll_stats_set_path(const char *);
void	ll_fail(int);
int	ll_finish(void);

#endif
