/*
 * ll-filter -j N: N threads take the input files in turn, each with
 * its own copy of the filter's working state (the controls, tests and
 * paths are shared and only read), and each file's output goes into a
 * sink (io/sink.h) that the main thread replays in input order, so the
 * output, messages and --reject file are those of one thread.  A
 * thread runs at most 2N files ahead of the one being written, and a
 * sink holds a bounded amount, so memory stays bounded.
 */
#include <err.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "io/acmatch.h"
#include "io/sink.h"
#include "json/jbuf.h"
#include "json/jtexts.h"
#include "ll.h"
#include "filter.h"
#include "xalloc.h"

#define SINK_BOUND	(4 << 20)

struct pool {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	char		**paths;
	int		 n;
	int		 next;		/* the next file to take */
	int		 head;		/* the file being written */
	int		 ahead;		/* how far past head a thread may go */
	struct ll_sink	**sinks;	/* per file, while taken */
};

struct worker {
	struct pool	*pool;
	struct filter	 f;
	pthread_t	 tid;
};

/* A copy of F that shares what is only read and owns what is written. */
static void
clone_init(struct filter *c, const struct filter *f)
{
	*c = *f;
	c->tests.buf = NULL;
	c->tests.bufsize = 0;
	/* The grep matcher (acmatch) is only read; its work is not. */
	memset(&c->grep.tx, 0, sizeof(c->grep.tx));
	c->grep.tx.ws = f->grep.tx.ws;
	c->grep.fold = NULL;
	c->grep.size = 0;
	if (c->grep.ac != NULL)
		ll_achits_init(&c->grep.hits, c->grep.ac);
	memset(&c->out, 0, sizeof(c->out));
	ll_jfind_init(&c->scan, c->paths.p, c->paths.n);
	c->vals = xcalloc(c->paths.n + 1, sizeof(*c->vals));
	c->dec = xcalloc(c->paths.n + 1, sizeof(*c->dec));
	c->decsize = xcalloc(c->paths.n + 1, sizeof(*c->decsize));
	c->removed = xcalloc(c->nremoved, sizeof(*c->removed));
	c->blank = c->records = c->docs = 0;
	c->split.arg = c;
	c->split.docs = &c->docs;
	c->split.watch = c->watch;
}

/* Adds the copy's counts to F and frees what the copy owns. */
static void
clone_merge(struct filter *f, struct filter *c)
{
	size_t i;

	for (i = 0; i < f->nremoved; i++)
		f->removed[i] += c->removed[i];
	f->blank += c->blank;
	f->records += c->records;
	f->docs += c->docs;
	for (i = 0; i < c->paths.n; i++)
		free(c->dec[i]);
	free(c->dec);
	free(c->decsize);
	free(c->vals);
	free(c->removed);
	free(c->tests.buf);
	ll_jtexts_free(&c->grep.tx);
	free(c->grep.fold);
	if (c->grep.ac != NULL)
		ll_achits_free(&c->grep.hits);
	ll_jbuf_free(&c->out);
	ll_jfind_free(&c->scan);
}

/* The next file this thread may take, or -1 when all are taken. */
static int
take(struct pool *p, struct ll_sink *k)
{
	int i;

	pthread_mutex_lock(&p->mu);
	while (p->next < p->n && p->next >= p->head + p->ahead)
		pthread_cond_wait(&p->cv, &p->mu);
	i = p->next < p->n ? p->next++ : -1;
	if (i >= 0) {
		p->sinks[i] = k;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return i;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	struct ll_sink *k;
	int i;

	for (;;) {
		k = ll_sink_new(SINK_BOUND);
		if ((i = take(p, k)) < 0) {
			ll_sink_free(k);
			break;
		}
		ll_sink_begin(k);
		if (w->f.split.explode.n > 0)
			ll_filter_explode(&w->f, p->paths[i]);
		else
			ll_filter_file(&w->f, p->paths[i]);
		ll_sink_end();
	}
	return NULL;
}

/* Writes each file's output in turn, as its thread makes it. */
static void
replay(struct pool *p)
{
	struct ll_sink *k;
	int i;

	for (i = 0; i < p->n; i++) {
		pthread_mutex_lock(&p->mu);
		while ((k = p->sinks[i]) == NULL)
			pthread_cond_wait(&p->cv, &p->mu);
		pthread_mutex_unlock(&p->mu);
		ll_sink_drain(k);
		ll_sink_free(k);
		pthread_mutex_lock(&p->mu);
		p->sinks[i] = NULL;
		p->head = i + 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

void
ll_filter_jobs(struct filter *f, char **paths, int n)
{
	struct pool p;
	struct worker *w;
	int i, nw;

	memset(&p, 0, sizeof(p));
	if (pthread_mutex_init(&p.mu, NULL) != 0 ||
	    pthread_cond_init(&p.cv, NULL) != 0)
		errx(LL_EXIT_IO, "cannot create a lock");
	p.paths = paths;
	p.n = n;
	nw = f->jobs < n ? f->jobs : n;
	p.ahead = 2 * nw;
	p.sinks = xcalloc((size_t)n, sizeof(*p.sinks));
	w = xcalloc((size_t)nw, sizeof(*w));
	for (i = 0; i < nw; i++) {
		w[i].pool = &p;
		clone_init(&w[i].f, f);
		if (pthread_create(&w[i].tid, NULL, work, &w[i]) != 0)
			errx(LL_EXIT_IO, "cannot start a thread");
	}
	replay(&p);
	for (i = 0; i < nw; i++) {
		pthread_join(w[i].tid, NULL);
		clone_merge(f, &w[i].f);
	}
	free(w);
	free(p.sinks);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
}
