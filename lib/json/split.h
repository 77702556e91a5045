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

struct ll_split_opts {
	struct ll_path	 explode;	/* n == 0: whole documents */
	char		**keep;		/* parent fields copied into elements */
	size_t		  nkeep;
	const char	 *source;	/* field naming the input, or NULL */
	struct ll_path	 parse;		/* string field holding JSON */
	int		  single;	/* input is exactly one document */
	size_t		  max_record;
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
