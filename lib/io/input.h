/*
 * Input by content, never by name: a file or standard input whose
 * first bytes decide how it is decoded.  gzip (every member of a
 * multi-member stream, as Firehose writes) is inflated with zlib;
 * bzip2, xz, zstd, lz4, zip and tar go through libarchive; anything
 * else passes through.  Corrupt data is reported with its byte offset,
 * counted, and skipped to the next good gzip member.
 */
#ifndef LL_INPUT_H
#define LL_INPUT_H

#include <sys/types.h>

#include <stdint.h>

/* Decompression bomb guards, set from --max-size and --max-ratio. */
struct ll_input_limits {
	uint64_t	max_size;	/* output bytes per input; 0: none */
	uint64_t	max_ratio;	/* output/input; 0: none */
};

extern struct ll_input_limits ll_input_limits;

struct ll_input;

struct ll_input *ll_input_open(const char *);
struct ll_input *ll_input_open_tap(const char *, void (*)(void *,
	    const void *, size_t), void *);
ssize_t	ll_input_read(struct ll_input *, void *, size_t);
const char *ll_input_name(const struct ll_input *);
int	ll_input_fd(const struct ll_input *);
const char *ll_input_format(const struct ll_input *);
unsigned ll_input_errors(const struct ll_input *);
void	ll_input_close(struct ll_input *);

#endif
