/*
 * Key sets and key files.  A key file is "LLKEYS1\n", a 64-bit
 * big-endian count, then the sorted 16-byte entries.  An all-zero
 * entry marks a free slot of the in-memory set; a real key hashing to
 * zero would need 2^128 tries.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "io/afile.h"
#include "keyidx.h"
#include "ll.h"
#include "xalloc.h"

#define MAGIC	"LLKEYS1\n"
#define HDRLEN	16

static EVP_MD_CTX *mdctx;
static EVP_MD *sha256;

static void
cleanup(void)
{
	EVP_MD_CTX_free(mdctx);
	EVP_MD_free(sha256);
}

void
ll_keyidx_hash(const char *key, size_t len, unsigned char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];

	if (mdctx == NULL) {
		if ((mdctx = EVP_MD_CTX_new()) == NULL ||
		    (sha256 = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL)
			errx(LL_EXIT_IO, "cannot set up SHA-256");
		atexit(cleanup);
	}
	if (EVP_DigestInit_ex(mdctx, sha256, NULL) != 1 ||
	    EVP_DigestUpdate(mdctx, key, len) != 1 ||
	    EVP_DigestFinal_ex(mdctx, md, NULL) != 1)
		errx(LL_EXIT_IO, "SHA-256 failed");
	memcpy(out, md, LL_KEYLEN);
}

static uint64_t
be64(const unsigned char *p)
{
	uint64_t v;
	int i;

	for (v = 0, i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static size_t
first_slot(const struct ll_keyset *ks, const unsigned char *k)
{
	return (size_t)be64(k + 8) & (ks->cap - 1);
}

static int
is_free(const unsigned char *s)
{
	static const unsigned char zero[LL_KEYLEN];

	return memcmp(s, zero, LL_KEYLEN) == 0;
}

int
ll_keyidx_set_has(const struct ll_keyset *ks, const unsigned char *k)
{
	size_t i;

	if (ks->cap == 0)
		return 0;
	for (i = first_slot(ks, k); !is_free(ks->slot + i * LL_KEYLEN);
	    i = (i + 1) & (ks->cap - 1))
		if (memcmp(ks->slot + i * LL_KEYLEN, k, LL_KEYLEN) == 0)
			return 1;
	return 0;
}

static void
insert(struct ll_keyset *ks, const unsigned char *k)
{
	size_t i;

	for (i = first_slot(ks, k); !is_free(ks->slot + i * LL_KEYLEN);
	    i = (i + 1) & (ks->cap - 1))
		;
	memcpy(ks->slot + i * LL_KEYLEN, k, LL_KEYLEN);
	ks->n++;
}

/* Returns 1 if K was added, 0 if it was there already. */
int
ll_keyidx_set_add(struct ll_keyset *ks, const unsigned char *k)
{
	struct ll_keyset big;
	size_t i;

	if (ll_keyidx_set_has(ks, k))
		return 0;
	if ((ks->n + 1) * 2 > ks->cap) {
		big.cap = ks->cap == 0 ? 1024 : ks->cap * 2;
		big.n = 0;
		big.slot = xcalloc(big.cap, LL_KEYLEN);
		for (i = 0; i < ks->cap; i++)
			if (!is_free(ks->slot + i * LL_KEYLEN))
				insert(&big, ks->slot + i * LL_KEYLEN);
		free(ks->slot);
		*ks = big;
	}
	insert(ks, k);
	return 1;
}

void
ll_keyidx_set_free(struct ll_keyset *ks)
{
	free(ks->slot);
	memset(ks, 0, sizeof(*ks));
}

static int
cmpkey(const void *a, const void *b)
{
	return memcmp(a, b, LL_KEYLEN);
}

/* Insertion sort of N keys at E: for buckets of a few keys. */
static void
isort(unsigned char *e, size_t n)
{
	unsigned char key[LL_KEYLEN];
	size_t i, j;

	for (i = 1; i < n; i++) {
		memcpy(key, e + i * LL_KEYLEN, LL_KEYLEN);
		for (j = i; j > 0 && memcmp(e + (j - 1) * LL_KEYLEN, key,
		    LL_KEYLEN) > 0; j--)
			memcpy(e + j * LL_KEYLEN, e + (j - 1) * LL_KEYLEN,
			    LL_KEYLEN);
		memcpy(e + j * LL_KEYLEN, key, LL_KEYLEN);
	}
}

/*
 * Sorts N keys.  Being hashes they spread evenly over 65536 buckets
 * of their first two bytes, so one counting pass leaves buckets of a
 * few keys each, finished by insertion (qsort for a crowded one).
 */
static void
sort_keys(unsigned char *k, size_t n)
{
	unsigned char *tmp;
	size_t *start, i, b, m;

	start = xcalloc(65537, sizeof(*start));
	tmp = xreallocarray(NULL, n > 0 ? n : 1, LL_KEYLEN);
	for (i = 0; i < n; i++)
		start[(k[i * LL_KEYLEN] << 8 | k[i * LL_KEYLEN + 1]) + 1]++;
	for (b = 1; b <= 65536; b++)
		start[b] += start[b - 1];
	for (i = 0; i < n; i++) {
		b = (size_t)(k[i * LL_KEYLEN] << 8 | k[i * LL_KEYLEN + 1]);
		memcpy(tmp + start[b]++ * LL_KEYLEN, k + i * LL_KEYLEN,
		    LL_KEYLEN);
	}
	/* start[b] is now where bucket b + 1 starts. */
	for (b = 0; b < 65536; b++) {
		i = b > 0 ? start[b - 1] : 0;
		m = start[b] - i;
		if (m > 16)
			qsort(tmp + i * LL_KEYLEN, m, LL_KEYLEN, cmpkey);
		else
			isort(tmp + i * LL_KEYLEN, m);
	}
	memcpy(k, tmp, n * LL_KEYLEN);
	free(start);
	free(tmp);
}

/*
 * Packs and sorts the set for writing, and leaves in NAME the SHA-256
 * of the sorted entries: a name for the data file that is the same
 * whenever the same rows are written.  Returns the number of keys;
 * the set then only serves ll_keyidx_set_write and ll_keyidx_set_free.
 */
size_t
ll_keyidx_set_seal(struct ll_keyset *ks, unsigned char *name)
{
	size_t i, n;

	for (i = n = 0; i < ks->cap; i++)
		if (!is_free(ks->slot + i * LL_KEYLEN))
			memmove(ks->slot + n++ * LL_KEYLEN,
			    ks->slot + i * LL_KEYLEN, LL_KEYLEN);
	sort_keys(ks->slot, n);
	if (EVP_Digest(ks->slot, n * LL_KEYLEN, name, NULL,
	    EVP_sha256(), NULL) != 1)
		errx(LL_EXIT_IO, "SHA-256 failed");
	ks->n = n;
	return n;
}

/*
 * Writes a sealed set as NAME in the folder DFD, atomically; -1 with
 * errno set.
 */
int
ll_keyidx_set_write(const struct ll_keyset *ks, int dfd, const char *name)
{
	struct ll_afile af;
	unsigned char hdr[HDRLEN];
	FILE *fp;
	int i, saved;

	memcpy(hdr, MAGIC, 8);
	for (i = 0; i < 8; i++)
		hdr[8 + i] = (unsigned char)((uint64_t)ks->n >> (56 - 8 * i));
	if ((fp = ll_afile_tryat(&af, dfd, name)) == NULL)
		return -1;
	if (fwrite(hdr, 1, HDRLEN, fp) != HDRLEN ||
	    fwrite(ks->slot, LL_KEYLEN, ks->n, fp) != ks->n) {
		saved = errno;
		ll_afile_abort(&af);
		errno = saved;
		return -1;
	}
	return ll_afile_commit(&af);
}

/*
 * Maps the key file NAME in the folder DFD, never through a link; -1
 * with errno set, ELOOP for a link, EINVAL for a damaged file.
 */
int
ll_keyidx_file_open(struct ll_keyfile *kf, int dfd, const char *name)
{
	struct stat st;
	int fd, saved;

	memset(kf, 0, sizeof(*kf));
	if ((fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto fail;
	errno = EINVAL;
	if (!S_ISREG(st.st_mode) || st.st_size < HDRLEN)
		goto fail;
	kf->maplen = (size_t)st.st_size;
	kf->map = mmap(NULL, kf->maplen, PROT_READ, MAP_PRIVATE, fd, 0);
	if (kf->map == MAP_FAILED)
		goto fail;
	close(fd);
	kf->n = (size_t)be64(kf->map + 8);
	if (memcmp(kf->map, MAGIC, 8) != 0 ||
	    kf->n != (kf->maplen - HDRLEN) / LL_KEYLEN ||
	    (kf->maplen - HDRLEN) % LL_KEYLEN != 0) {
		ll_keyidx_file_close(kf);
		errno = EINVAL;
		return -1;
	}
	return 0;
fail:
	saved = errno;
	close(fd);
	kf->map = NULL;
	errno = saved;
	return -1;
}

/*
 * Interpolation search: keys are uniform, so the position of K is
 * well predicted by its value and a lookup touches a page or two.
 */
int
ll_keyidx_file_has(const struct ll_keyfile *kf, const unsigned char *k)
{
	const unsigned char *e = kf->map + HDRLEN;
	size_t lo, hi, mid;
	uint64_t x, a, b;
	int c;

	x = be64(k);
	lo = 0;
	hi = kf->n;
	while (lo < hi) {
		a = be64(e + lo * LL_KEYLEN);
		b = be64(e + (hi - 1) * LL_KEYLEN);
		if (x < a || x > b)
			return 0;
		if (hi - lo > 8 && b > a) {
			mid = lo + (size_t)((double)(x - a) / (double)(b - a) *
			    (double)(hi - 1 - lo));
			if (mid >= hi)
				mid = hi - 1;
		} else
			mid = lo + (hi - lo) / 2;
		c = memcmp(e + mid * LL_KEYLEN, k, LL_KEYLEN);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

void
ll_keyidx_file_close(struct ll_keyfile *kf)
{
	if (kf->map != NULL)
		munmap(kf->map, kf->maplen);
	memset(kf, 0, sizeof(*kf));
}
