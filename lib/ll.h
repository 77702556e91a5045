/*
 * Log Lake shared library: exit codes, error reporting, record
 * rejection, run counters (--stats) and the fast record writer.
 * Every tool calls ll_init() first and returns ll_finish() from main.
 */
#ifndef LL_H
#define LL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#ifndef __dead
#define __dead __attribute__((__noreturn__))
#endif
#define LL_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Exit codes are stable once released; every man page lists them. */
enum ll_exit {
	LL_EXIT_OK = 0,		/* everything worked */
	LL_EXIT_REJECT = 1,	/* finished, but input was rejected */
	LL_EXIT_USAGE = 2,	/* bad command line */
	LL_EXIT_IO = 3,		/* I/O, system or out-of-memory error */
	LL_EXIT_REMOTE = 4	/* remote service error (ll-fetch) */
};

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

extern struct ll_stats ll_stats;
extern const char *ll_progname;

void	ll_init(const char *);
__dead void ll_version(void);
void	ll_warnx_at(const char *, uintmax_t, const char *, ...) LL_PRINTF(3, 4);
void	ll_reject_open(const char *);
void	ll_reject(const char *, const void *, size_t);
void	ll_reject_bytes(const void *, size_t);
void	ll_reject_end(const char *);
void	ll_count(const char *);
void	ll_count_n(const char *, uintmax_t);
void	ll_stats_add(const char *, uintmax_t);
void	ll_stats_set_path(const char *);
void	ll_fail(int);
int	ll_finish(void);

/* Output: one large buffer over standard output. */
void	ll_out_unbuffered(int);
void	ll_pipe_grow(int);
void	ll_out_write(const void *, size_t);
void	ll_out_record(const void *, size_t);
void	ll_out_json(json_t *);
void	ll_out_flush(void);

/* Checked numbers and sizes for option parsing; exit 2 when bad. */
long long ll_parse_num(const char *, const char *, long long, long long);
long long ll_parse_size(const char *, const char *);

/* JSON text helpers. */
char	*ll_json_quote(const char *, size_t *);
json_t	*ll_json_parse(const char *, size_t, json_error_t *);

#endif
