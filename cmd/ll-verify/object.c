/*
 * One pass over a stored object through the input layer, which
 * decodes gzip member by member (libdeflate for whole small files)
 * and hands the raw bytes to a tap on the way.  Memory is one read
 * buffer, plus the content when the caller keeps it (digests, which
 * are small; a cap refuses a larger one without holding it).
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "io/input.h"
#include "ll.h"
#include "object.h"
#include "xalloc.h"

#define READBUF	(256 * 1024)

static char *readbuf;

struct tap {
	EVP_MD_CTX	*md;
	uint64_t	 n;
};

static void
hex(const unsigned char *d, unsigned n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

static EVP_MD_CTX *
sha_new(void)
{
	EVP_MD_CTX *md;

	if ((md = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1)
		errx(LL_EXIT_IO, "OpenSSL: cannot start SHA-256");
	return md;
}

static void
sha_add(EVP_MD_CTX *md, const void *p, size_t n)
{
	if (EVP_DigestUpdate(md, p, n) != 1)
		errx(LL_EXIT_IO, "OpenSSL: SHA-256 failed");
}

static void
sha_end(EVP_MD_CTX *md, char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n;

	if (EVP_DigestFinal_ex(md, d, &n) != 1)
		errx(LL_EXIT_IO, "OpenSSL: SHA-256 failed");
	hex(d, n, out);
	EVP_MD_CTX_free(md);
}

void
ll_object_sha256(const void *p, size_t n, char out[65])
{
	EVP_MD_CTX *md = sha_new();

	sha_add(md, p, n);
	sha_end(md, out);
}

static void
rawtap(void *arg, const void *p, size_t n)
{
	struct tap *t = arg;

	sha_add(t->md, p, n);
	t->n += n;
}

/*
 * The decoder stops reading after damage it cannot pass; the stored
 * bytes are then hashed again, whole, so the digest is of all of them.
 */
static int
rehash(const char *path, struct ll_object *h)
{
	EVP_MD_CTX *md = sha_new();
	char *buf = xmalloc(READBUF);
	ssize_t r;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1) {
		EVP_MD_CTX_free(md);
		free(buf);
		return -1;
	}
	h->rawbytes = 0;
	while ((r = read(fd, buf, READBUF)) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			break;
		sha_add(md, buf, (size_t)r);
		h->rawbytes += (uint64_t)r;
	}
	close(fd);
	free(buf);
	sha_end(md, h->rawsha);
	return r == -1 ? -1 : 0;
}

/*
 * Reads the object at PATH into H.  With KEEP non-NULL the decoded
 * content, up to MAX bytes, is returned in *KEEP (NUL-terminated) and
 * *KEEPLEN; past MAX, h->toobig is set and nothing is kept.  Returns
 * 0, or -1 (with errno) when the object cannot be read.
 */
int
ll_object_read(const char *path, struct ll_object *h, char **keep,
    size_t *keeplen, size_t max)
{
	struct ll_input *in;
	struct tap t;
	struct stat st;
	EVP_MD_CTX *md;
	char *kept = NULL;
	size_t klen = 0, kcap = 0;
	ssize_t r;
	int saved;

	memset(h, 0, sizeof(*h));
	if (readbuf == NULL)
		readbuf = xmalloc(READBUF);
	if (stat(path, &st) == -1)
		return -1;
	t.md = sha_new();
	t.n = 0;
	if ((in = ll_input_open_tap(path, rawtap, &t)) == NULL) {
		saved = errno;
		EVP_MD_CTX_free(t.md);
		errno = saved;
		return -1;
	}
	md = sha_new();
	while ((r = ll_input_read(in, readbuf, READBUF)) > 0) {
		sha_add(md, readbuf, (size_t)r);
		h->bytes += (uint64_t)r;
		if (keep == NULL || h->toobig)
			continue;
		if (klen + (size_t)r > max) {
			h->toobig = 1;
			continue;
		}
		if (klen + (size_t)r + 1 > kcap) {
			kcap = (klen + (size_t)r + 1) * 2;
			kept = xrealloc(kept, kcap);
		}
		memcpy(kept + klen, readbuf, (size_t)r);
		klen += (size_t)r;
	}
	h->gzip = strcmp(ll_input_format(in), "gzip") == 0;
	h->damaged = ll_input_errors(in) > 0;
	ll_input_close(in);
	sha_end(md, h->sha);
	sha_end(t.md, h->rawsha);
	h->rawbytes = t.n;
	if (t.n != (uint64_t)st.st_size && rehash(path, h) == -1) {
		free(kept);
		return -1;
	}
	if (keep != NULL) {
		if (h->toobig) {
			free(kept);
			kept = NULL;
			klen = 0;
		} else if (kept == NULL)
			kept = xstrdup("");
		else
			kept[klen] = '\0';
		*keep = kept;
		*keeplen = klen;
	}
	return 0;
}

void
ll_object_done(void)
{
	free(readbuf);
	readbuf = NULL;
}
