/*
 * The JSON splitter behind ll-splitjson: a strict, resumable scanner
 * that finds documents in a byte stream (concatenated "}{", pretty
 * printed, or one per line), validates them as RFC 8259 JSON with
 * UTF-8, and hands each document, or each element of the array at an
 * --explode path, to the writer compacted onto one line.  Memory is
 * bounded by the largest element, not by the document: a 2 GB
 * {"Records":[...]} streams through.
 */
#ifndef LL_SPLIT_H
#define LL_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "json/path.h"

/* A top-level field of a record, as written; p == NULL when absent. */
struct ll_split_val {
	const char	*p;
	size_t		 n;
};

/*
 * What a consumer learns of a record before it is built (ll-filter
 * -e).  "plain" promises that the record is the element as written
 * (no whitespace taken out), that none of its keys holds an escape,
 * that it has no number beyond a double's range and nests less than
 * 2048 deep, so that jansson would read it and the fields in "watch"
 * are its last top-level occurrences; without "plain", "watch" is
 * empty.
 */
struct ll_split_look {
	const char	*name;		/* the input */
	uint64_t	 line;		/* where the record starts */
	size_t		 n;		/* its length before fields are added */
	int		 plain;
	struct ll_split_val *watch;	/* per ll_split_opts.watch */
};

struct ll_split_opts {
	struct ll_path	 explode;	/* n == 0: whole documents */
	char		**keep;		/* parent fields copied into elements */
	size_t		  nkeep;
	const char	 *source;	/* field naming the input, or NULL */
	struct ll_path	 parse;		/* string field holding JSON */
	int		  single;	/* input is exactly one document */
	size_t		  max_record;
	/*
	 * A consumer in place of standard output: "look" sees each record
	 * first and returns 0 to drop it, "record" gets it built.
	 */
	const char *const *watch;	/* top-level keys to note */
	size_t		  nwatch;
	int		(*look)(void *, const struct ll_split_look *);
	void		(*record)(void *, const char *, size_t,
			    const struct ll_split_look *);
	void		 *arg;
	uintmax_t	 *docs;		/* documents read; NULL: records_in */
};

struct ll_input;

/* --keep FIELD,... and --source FIELD; usage errors exit 2. */
void	ll_split_keep(struct ll_split_opts *, const char *);
void	ll_split_source(struct ll_split_opts *, const char *);
void	ll_split_check(const struct ll_split_opts *);
void	ll_split_opts_free(struct ll_split_opts *);

/* Splits one input; counts and rejects go through ll.h. */
void	ll_split(const struct ll_split_opts *, struct ll_input *,
	    const char *);

#endif
