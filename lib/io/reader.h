/*
 * The NDJSON line reader: one record a line, any length.  Lines are
 * found with memchr in one reused buffer that grows to the longest
 * line seen, and are handed out as pointer and length, without their
 * newline (a final line without one is still a line).  The bytes stay
 * valid until the next call.  A line longer than the limit is
 * reported with its line number, copied to --reject as it streams
 * past and counted as "record_too_large"; it is never truncated and
 * never held in memory.  Every line read, returned or rejected, is
 * counted in ll_stats.records_in.
 *
 * An input that is a Parquet file (lib/lake/pqlines.h) is read as its
 * rows, one JSON object a line, the line number being the row's.
 */
#ifndef LL_NDJSON_H
#define LL_NDJSON_H

#include <stddef.h>
#include <stdint.h>

struct ll_input;
struct ll_pqlines;

struct ll_reader {
	struct ll_input	*in;
	const char	*name;		/* for messages: path or "<stdin>" */
	uintmax_t	 line;		/* number of the line last returned */
	size_t		 max;		/* longest line accepted; 0: no limit */
	char		*buf;
	size_t		 size;		/* bytes allocated */
	size_t		 pos, len;	/* unread bytes are buf[pos..len) */
	size_t		 scan;		/* buf[pos..scan) holds no newline */
	size_t		 quiet;		/* bytes read since a line of size/4 */
	int		 eof;
	int		 parquet;	/* rows come from pq */
	struct ll_pqlines *pq;
};

void	ll_reader_init(struct ll_reader *, struct ll_input *, size_t);
int	ll_reader_next(struct ll_reader *, const char **, size_t *);
int	ll_reader_try(struct ll_reader *, const char **, size_t *, int);
void	ll_reader_free(struct ll_reader *);
void	ll_reader_file(const char *, int, void (*)(void *, const char *,
	    uintmax_t, const char *, size_t), void *);

/* ll_reader_file() flags */
#define LL_READER_EMPTY_QUIET	0x01	/* skip empty lines uncounted */

#endif
