/*
 * Standard output as one large buffer: records are copied in and
 * written in big blocks, flushed per record only when unbuffered (a
 * terminal, or -u).  A failed write exits 3.
 */
#ifndef LL_IO_OUT_H
#define LL_IO_OUT_H

#include <stddef.h>

#include <jansson.h>

void	ll_out_unbuffered(int);
void	ll_out_pipe_grow(int);
void	ll_out_write(const void *, size_t);
void	ll_out_record(const void *, size_t);
void	ll_out_json(json_t *);
void	ll_out_flush(void);

#endif
