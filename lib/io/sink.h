/*
 * One thread's output, held back for its turn.  A tool that works on
 * several inputs at once (ll-filter -j) must write as if it had worked
 * on them one after another: every record, message, rejected byte,
 * count and failure of an input in input order.  While a thread has a
 * sink (ll_sink_begin), those go into the sink instead of the process's
 * streams and counters; the main thread replays them, input by input,
 * through the usual functions (ll_sink_drain); the thread's own
 * counters (ll_stats is per thread) are added to the main thread's.
 * A thread that holds more than the sink's bound unreplayed waits, so
 * memory stays bounded however large the input's output.
 */
#ifndef LL_IO_SINK_H
#define LL_IO_SINK_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "reason.h"

struct ll_sink;

/* The calling thread's sink, or NULL: then everything goes out at once. */
extern _Thread_local struct ll_sink *ll_sink_cur;

struct ll_sink *ll_sink_new(size_t);
void	ll_sink_begin(struct ll_sink *);
void	ll_sink_end(void);
void	ll_sink_drain(struct ll_sink *);
void	ll_sink_free(struct ll_sink *);

/* What ll.c, io/out.c and io/input.c hand over while a sink is set. */
void	ll_sink_record(const void *, size_t);
void	ll_sink_warn(const char *, uintmax_t, const char *, va_list)
	    __attribute__((format(printf, 3, 0)));
void	ll_sink_msg(const char *, va_list) __attribute__((format(printf, 1,
	    0)));
void	ll_sink_reject_bytes(const void *, size_t);
void	ll_sink_reject_end(enum ll_reason);
void	ll_sink_count(enum ll_reason, uintmax_t);
void	ll_sink_fail(int);

#endif
