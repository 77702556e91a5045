/*
 * A download may be retried from its first byte, so every attempt
 * starts the body afresh: the hash, the memory and the spill file.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/engine.h"
#include "body.h"
#include "io/hash.h"
#include "io/out.h"
#include "listing.h"
#include "ll.h"
#include "store.h"
#include "xalloc.h"

#define SPILL_MEM	(1 << 20)	/* bytes kept in memory */
#define CHUNK		(256 * 1024)

/* Before each attempt. */
void
ll_body_begin(struct ll_body *b)
{
	if (b->hash.sha256 != NULL)
		ll_hash_free(&b->hash);
	ll_hash_init(&b->hash);
	b->memlen = 0;
	b->spilled = 0;
	if (b->spill != NULL) {
		fclose(b->spill);
		b->spill = NULL;
	}
	if (b->tmp != NULL && b->tmp->fd != -1 && ftruncate(b->tmp->fd,
	    0) == -1)
		err(LL_EXIT_IO, "%s", b->tmp->path);
}

/* Past SPILL_MEM bytes, the rest goes to a file. */
static int
spill(struct ll_body *b, const char *p, size_t n, char *msg, size_t msglen)
{
	ssize_t w;

	if (b->store == NULL) {
		if (b->spill == NULL && (b->spill = tmpfile()) == NULL)
			err(LL_EXIT_IO, "temporary file");
		if (fwrite(p, 1, n, b->spill) != n)
			err(LL_EXIT_IO, "temporary file");
		return 0;
	}
	if (b->tmp->fd == -1 && ll_store_tmp(b->store, b->tmp) == -1)
		err(LL_EXIT_IO, "%s", b->store->tmpdir);
	while (n > 0) {
		w = pwrite(b->tmp->fd, p, n, (off_t)SPILL_MEM + b->spilled);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1) {
			snprintf(msg, msglen, "%s: %s", b->tmp->path,
			    strerror(errno));
			ll_fail(LL_EXIT_IO);
			return -1;
		}
		p += w;
		n -= (size_t)w;
		b->spilled += w;
	}
	return 0;
}

/* N more bytes; -1 with MSG set if they cannot be kept. */
int
ll_body_add(struct ll_body *b, const char *p, size_t n, char *msg,
    size_t msglen)
{
	size_t k;

	ll_hash_update(&b->hash, p, n);
	*b->tally += n;
	if (b->discard)
		return 0;
	k = b->memlen < SPILL_MEM ? SPILL_MEM - b->memlen : 0;
	k = k < n ? k : n;
	if (k > 0) {
		if (b->memlen + k > b->memcap) {
			while (b->memlen + k > b->memcap)
				b->memcap = b->memcap == 0 ? 16384 :
				    b->memcap * 2;
			if (b->memcap > SPILL_MEM)
				b->memcap = SPILL_MEM;
			b->mem = xrealloc(b->mem, b->memcap);
		}
		memcpy(b->mem + b->memlen, p, k);
		b->memlen += k;
	}
	return k == n ? 0 : spill(b, p + k, n - k, msg, msglen);
}

/*
 * A file:// object, read through the same path as a download.
 * Returns the bytes read, or -1 with MSG saying why.
 */
long long
ll_body_copy(struct ll_body *b, const char *path, char *msg, size_t msglen)
{
	char buf[CHUNK];
	long long got = 0;
	ssize_t r;
	int fd;

	ll_body_begin(b);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(msg, msglen, "%s", strerror(errno));
		return -1;
	}
	while ((r = read(fd, buf, sizeof(buf))) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			snprintf(msg, msglen, "%s", strerror(errno));
			break;
		}
		if (ll_body_add(b, buf, (size_t)r, msg, msglen) == -1)
			break;
		got += r;
	}
	close(fd);
	return r == 0 ? got : -1;
}

/*
 * GOT bytes came, with the answer's ETAG and KMS flag (NULL and 0 for
 * a file).  Checks the size against the listing L and the MD5 against
 * a single-part ETag; an ETag the listing lacked is learnt into L.
 */
enum ll_xverdict
ll_body_check(struct ll_body *b, struct ll_listing *l, long long got,
    const char *etag, int kms, char *msg, size_t msglen)
{
	ll_hash_final(&b->hash, b->sha, b->md5);
	if (l->etag != NULL && etag != NULL && etag[0] != '\0' &&
	    strcmp(l->etag, etag) != 0) {
		snprintf(msg, msglen, "object changed since it was listed "
		    "(ETag %s, listed %s)", etag, l->etag);
		return LL_X_FAIL;
	}
	if (l->etag == NULL && etag != NULL && etag[0] != '\0')
		l->etag = xstrdup(etag);
	if (l->size >= 0 && got != l->size) {
		snprintf(msg, msglen, "got %lld bytes, listed %lld", got,
		    l->size);
		return LL_X_RETRY;
	}
	if (l->etag != NULL && ll_hash_is_md5(l->etag) && !kms &&
	    strcmp(b->md5, l->etag) != 0) {
		snprintf(msg, msglen, "MD5 %s does not match the ETag",
		    b->md5);
		return LL_X_RETRY;
	}
	return LL_X_OK;
}

/* --cat: the whole object to standard output. */
void
ll_body_write(struct ll_body *b)
{
	char buf[CHUNK];
	size_t n;

	ll_out_write(b->mem, b->memlen);
	if (b->spill == NULL)
		return;
	rewind(b->spill);
	while ((n = fread(buf, 1, sizeof(buf), b->spill)) > 0)
		ll_out_write(buf, n);
	if (ferror(b->spill))
		err(LL_EXIT_IO, "temporary file");
}

void
ll_body_free(struct ll_body *b)
{
	if (b->hash.sha256 != NULL)
		ll_hash_free(&b->hash);
	if (b->spill != NULL)
		fclose(b->spill);
	free(b->mem);
}
