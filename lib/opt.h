/*
 * The command line of every tool, from one table: getopt_long's short
 * and long forms, the usage line (the man page's SYNOPSIS) and --help
 * (each option with its long name and one line, then an example).
 * The options every tool shares (-h -V -S -r -u -M -m -R) are handled
 * here once, with one meaning across the toolkit; a tool lists which
 * of them it takes and handles only its own.
 */
#ifndef LL_OPT_H
#define LL_OPT_H

#include <stddef.h>

#include "exit.h"

/* A ch from LL_OPT_LONG up has no short letter: --NAME only. */
#define LL_OPT_LONG	256

struct ll_opt {
	int		 ch;	/* short letter (or LL_OPT_LONG up), returned */
	const char	*name;	/* long name */
	const char	*arg;	/* its argument in --help, or NULL for none */
	const char	*help;	/* one line of meaning */
	int		 old;	/* a deprecated short letter for it, or 0 */
};

struct ll_cmd {
	const char	*synopsis;	/* usage, exactly the man page's */
	const char	*purpose;	/* one line: what the tool does */
	const char	*common;	/* shared options taken, e.g. "MRSmru" */
	const struct ll_opt *opts;	/* the tool's own, ended by ch 0 */
	const char	*example;	/* one or more lines for --help */
};

/* The largest record a reader accepts (-M); 512 MiB unless set. */
extern size_t ll_opt_max_record;

int	ll_opt_next(const struct ll_cmd *, int, char *[], const char **);
__dead void ll_opt_usage(const struct ll_cmd *);
long long ll_opt_num(const char *, const char *, long long, long long);
long long ll_opt_size(const char *, const char *);

#endif
