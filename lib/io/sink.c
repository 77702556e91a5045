/*
 * A sink is a queue of chunks, each a run of events (a header, then
 * its bytes).  The producing thread fills a chunk and publishes it
 * when full; the main thread takes every published chunk at once and
 * replays it.  The producer waits while more than the bound is
 * published and not yet taken, so a sink holds at most about twice
 * its bound.
 */
#include <err.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/out.h"
#include "io/sink.h"
#include "ll.h"
#include "xalloc.h"

#define CHUNK	(256 * 1024)

enum { EV_RECORD, EV_WARN, EV_MSG, EV_REJ_BYTES, EV_REJ_END, EV_COUNT,
	EV_FAIL, EV_STATS };

struct ev {
	int		 type;
	const char	*fmt;		/* EV_WARN: the kind of message */
	uintmax_t	 num;
	size_t		 n1, n2;	/* bytes that follow, in two parts */
};

struct chunk {
	struct chunk	*next;
	size_t		 len, cap;
	char		 data[];
};

struct ll_sink {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct chunk	*head, *tail;	/* published, not yet taken */
	size_t		 queued;
	size_t		 bound;
	int		 done;
	struct chunk	*cur;		/* being filled */
};

_Thread_local struct ll_sink *ll_sink_cur;

struct ll_sink *
ll_sink_new(size_t bound)
{
	struct ll_sink *k;

	k = xcalloc(1, sizeof(*k));
	if (pthread_mutex_init(&k->mu, NULL) != 0 ||
	    pthread_cond_init(&k->cv, NULL) != 0)
		errx(LL_EXIT_IO, "cannot create a lock");
	k->bound = bound;
	return k;
}

static void
publish(struct ll_sink *k)
{
	struct chunk *c = k->cur;

	if (c == NULL)
		return;
	k->cur = NULL;
	pthread_mutex_lock(&k->mu);
	if (k->tail != NULL)
		k->tail->next = c;
	else
		k->head = c;
	k->tail = c;
	k->queued += c->len;
	pthread_cond_broadcast(&k->cv);
	while (k->queued > k->bound)
		pthread_cond_wait(&k->cv, &k->mu);
	pthread_mutex_unlock(&k->mu);
}

static size_t
align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static void
put(int type, const char *fmt, uintmax_t num, const void *p1, size_t n1,
    const void *p2, size_t n2)
{
	struct ll_sink *k = ll_sink_cur;
	struct chunk *c = k->cur;
	struct ev e;
	size_t need;

	need = align8(sizeof(e) + n1 + n2);
	if (c != NULL && c->len + need > c->cap) {
		publish(k);
		c = NULL;
	}
	if (c == NULL) {
		c = xmalloc(sizeof(*c) + (need > CHUNK ? need : CHUNK));
		c->next = NULL;
		c->len = 0;
		c->cap = need > CHUNK ? need : CHUNK;
		k->cur = c;
	}
	memset(&e, 0, sizeof(e));
	e.type = type;
	e.fmt = fmt;
	e.num = num;
	e.n1 = n1;
	e.n2 = n2;
	memcpy(c->data + c->len, &e, sizeof(e));
	if (n1 > 0)
		memcpy(c->data + c->len + sizeof(e), p1, n1);
	if (n2 > 0)
		memcpy(c->data + c->len + sizeof(e) + n1, p2, n2);
	c->len += need;
}

void
ll_sink_begin(struct ll_sink *k)
{
	ll_sink_cur = k;
}

/* The thread is done with its sink: its counts and the rest go out. */
void
ll_sink_end(void)
{
	struct ll_sink *k = ll_sink_cur;
	uintmax_t n[5];

	n[0] = ll_stats.records_in;
	n[1] = ll_stats.bytes_in;
	n[2] = ll_stats.records_out;
	n[3] = ll_stats.bytes_out;
	n[4] = ll_stats.rejected;
	ll_stats.records_in = ll_stats.bytes_in = ll_stats.records_out =
	    ll_stats.bytes_out = ll_stats.rejected = 0;
	put(EV_STATS, NULL, 0, n, sizeof(n), NULL, 0);
	publish(k);
	pthread_mutex_lock(&k->mu);
	k->done = 1;
	pthread_cond_broadcast(&k->cv);
	pthread_mutex_unlock(&k->mu);
	ll_sink_cur = NULL;
}

static void
add_stats(const char *b)
{
	uintmax_t n[5];

	memcpy(n, b, sizeof(n));
	ll_stats.records_in += n[0];
	ll_stats.bytes_in += n[1];
	ll_stats.records_out += n[2];
	ll_stats.bytes_out += n[3];
	ll_stats.rejected += n[4];
}

static void
replay(const struct chunk *c)
{
	struct ev e;
	const char *p, *b;
	enum ll_reason r;

	for (p = c->data; p < c->data + c->len;
	    p += align8(sizeof(e) + e.n1 + e.n2)) {
		memcpy(&e, p, sizeof(e));
		b = p + sizeof(e);
		switch (e.type) {
		case EV_RECORD:
			ll_out_record(b, e.n1);
			break;
		case EV_WARN:
			ll_warnx_done(e.fmt, b, e.num, b + e.n1);
			break;
		case EV_MSG:
			ll_msg("%s", b);
			break;
		case EV_REJ_BYTES:
			ll_reject_bytes(b, e.n1);
			break;
		case EV_REJ_END:
			ll_reject_end((enum ll_reason)e.num);
			break;
		case EV_COUNT:
			memcpy(&r, b, sizeof(r));
			ll_count_n(r, e.num);
			break;
		case EV_FAIL:
			ll_fail((int)e.num);
			break;
		case EV_STATS:
			add_stats(b);
			break;
		}
	}
}

/* Replays what the sink's thread produced, until it is done. */
void
ll_sink_drain(struct ll_sink *k)
{
	struct chunk *c, *next;
	int done;

	do {
		pthread_mutex_lock(&k->mu);
		while (k->head == NULL && !k->done)
			pthread_cond_wait(&k->cv, &k->mu);
		c = k->head;
		k->head = k->tail = NULL;
		k->queued = 0;
		done = k->done;
		pthread_cond_broadcast(&k->cv);
		pthread_mutex_unlock(&k->mu);
		for (; c != NULL; c = next) {
			next = c->next;
			replay(c);
			free(c);
		}
	} while (!done);
}

void
ll_sink_free(struct ll_sink *k)
{
	struct chunk *c, *next;

	if (k == NULL)
		return;
	for (c = k->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(k->cur);
	pthread_mutex_destroy(&k->mu);
	pthread_cond_destroy(&k->cv);
	free(k);
}

void
ll_sink_record(const void *p, size_t n)
{
	put(EV_RECORD, NULL, 0, p, n, NULL, 0);
}

static char *format(const char *, va_list)
    __attribute__((format(printf, 1, 0)));

static char *
format(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	s = xmalloc((size_t)n + 1);
	if (vsnprintf(s, (size_t)n + 1, fmt, ap) < 0)
		s[0] = '\0';
	return s;
}

void
ll_sink_warn(const char *file, uintmax_t line, const char *fmt, va_list ap)
{
	char *s = format(fmt, ap);

	put(EV_WARN, fmt, line, file, strlen(file) + 1, s, strlen(s) + 1);
	free(s);
}

void
ll_sink_msg(const char *fmt, va_list ap)
{
	char *s = format(fmt, ap);

	put(EV_MSG, NULL, 0, s, strlen(s) + 1, NULL, 0);
	free(s);
}

void
ll_sink_reject_bytes(const void *p, size_t n)
{
	put(EV_REJ_BYTES, NULL, 0, p, n, NULL, 0);
}

void
ll_sink_reject_end(enum ll_reason reason)
{
	put(EV_REJ_END, NULL, (uintmax_t)reason, NULL, 0, NULL, 0);
}

void
ll_sink_count(enum ll_reason reason, uintmax_t n)
{
	put(EV_COUNT, NULL, n, &reason, sizeof(reason), NULL, 0);
}

void
ll_sink_fail(int code)
{
	put(EV_FAIL, NULL, (uintmax_t)code, NULL, 0, NULL, 0);
}

