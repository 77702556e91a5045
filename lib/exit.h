/*
 * Exit codes, and the attributes every header may need.  A leaf: it
 * includes nothing, so any module can use it without depending on the
 * rest of the library.
 */
#ifndef LL_EXIT_H
#define LL_EXIT_H

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

#endif
