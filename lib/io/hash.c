/* One-pass SHA-256 and MD5 through OpenSSL's EVP interface. */
#include <err.h>
#include <errno.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "exit.h"
#include "io/hash.h"

static void
hex(char *out, const unsigned char *d, unsigned n)
{
	static const char digits[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void
ll_hash_init(struct ll_hash *h)
{
	EVP_MD_CTX *s, *m;

	if ((s = EVP_MD_CTX_new()) == NULL || (m = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(s, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestInit_ex(m, EVP_md5(), NULL) != 1)
		errx(LL_EXIT_IO, "OpenSSL: cannot start a digest");
	h->sha256 = s;
	h->md5 = m;
}

void
ll_hash_update(struct ll_hash *h, const void *p, size_t n)
{
	if (EVP_DigestUpdate(h->sha256, p, n) != 1 ||
	    EVP_DigestUpdate(h->md5, p, n) != 1)
		errx(LL_EXIT_IO, "OpenSSL: digest failed");
}

/* Writes the hex digests (either may be NULL) and frees the state. */
void
ll_hash_final(struct ll_hash *h, char sha[65], char md5[33])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n;

	if (EVP_DigestFinal_ex(h->sha256, d, &n) != 1)
		errx(LL_EXIT_IO, "OpenSSL: digest failed");
	if (sha != NULL)
		hex(sha, d, n);
	if (EVP_DigestFinal_ex(h->md5, d, &n) != 1)
		errx(LL_EXIT_IO, "OpenSSL: digest failed");
	if (md5 != NULL)
		hex(md5, d, n);
	ll_hash_free(h);
}

void
ll_hash_free(struct ll_hash *h)
{
	EVP_MD_CTX_free(h->sha256);
	EVP_MD_CTX_free(h->md5);
	h->sha256 = h->md5 = NULL;
}

/* Digests of an open file from its start; -1 with errno on error. */
int
ll_hash_file(int fd, char sha[65], char md5[33])
{
	struct ll_hash h;
	char buf[64 * 1024];
	ssize_t r;
	off_t off = 0;

	ll_hash_init(&h);
	for (;;) {
		r = pread(fd, buf, sizeof(buf), off);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			ll_hash_free(&h);
			return -1;
		}
		if (r == 0)
			break;
		ll_hash_update(&h, buf, (size_t)r);
		off += r;
	}
	ll_hash_final(&h, sha, md5);
	return 0;
}

/*
 * Is S 32 lowercase hex digits, as the ETag of a single-part upload
 * is?  A multipart ETag ("HEX-N") is not, and says nothing that the
 * bytes could be checked against.
 */
int
ll_hash_is_md5(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 32;
}
