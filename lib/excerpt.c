/* Printable excerpts of untrusted text, secrets masked. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "excerpt.h"
#include "xalloc.h"

#define MASK		"[redacted]"
#define MINSECRET	8	/* shorter values are no credentials */

/* Credentials may be fetched, and errors shown, in any thread. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static char	**secrets;
static size_t	  nsecrets;

/* From now on S (a credential) is masked wherever it appears. */
void
ll_excerpt_secret(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) < MINSECRET)
		return;
	pthread_mutex_lock(&mu);
	for (i = 0; i < nsecrets && strcmp(secrets[i], s) != 0; i++)
		;
	if (i == nsecrets) {
		secrets = xreallocarray(secrets, nsecrets + 1,
		    sizeof(*secrets));
		secrets[nsecrets++] = xstrdup(s);
	}
	pthread_mutex_unlock(&mu);
}

void
ll_excerpt_forget(void)
{
	pthread_mutex_lock(&mu);
	while (nsecrets > 0) {
		nsecrets--;
		explicit_bzero(secrets[nsecrets], strlen(secrets[nsecrets]));
		free(secrets[nsecrets]);
	}
	free(secrets);
	secrets = NULL;
	pthread_mutex_unlock(&mu);
}

/* The length of the registered secret at P (N bytes left), or 0. */
static size_t
secret_at(const char *p, size_t n)
{
	size_t i, k;

	for (i = 0; i < nsecrets; i++) {
		k = strlen(secrets[i]);
		if (k <= n && memcmp(p, secrets[i], k) == 0)
			return k;
	}
	return 0;
}

/*
 * The length of the UTF-8 sequence at P (N bytes left) if it is valid
 * and no C1 control character, else 0.
 */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	unsigned long cp;
	size_t k, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		k = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		k = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		k = 4;
	else
		return 0;
	if (k > n)
		return 0;
	cp = p[0] & (0x7f >> k);
	for (i = 1; i < k; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 ||
	    cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff) ||
	    (cp >= 0x80 && cp <= 0x9f))
		return 0;
	return k;
}

/*
 * Writes the excerpt of S (LEN bytes) into BUF (SIZE bytes, at least
 * 32; LL_EXCERPT_BUF holds the longest) and returns BUF.  The cut
 * comes after LL_EXCERPT_MAX bytes of S, or fewer if BUF is smaller.
 */
const char *
ll_excerpt(char *buf, size_t size, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0, max, k;

	max = (size - 16) / 4;
	if (max > LL_EXCERPT_MAX)
		max = LL_EXCERPT_MAX;
	pthread_mutex_lock(&mu);
	while (i < len && i < max) {
		if ((k = secret_at(s + i, len - i)) > 0) {
			memcpy(buf + o, MASK, strlen(MASK));
			o += strlen(MASK);
			i += k;
		} else if (p[i] == '\\') {
			memcpy(buf + o, "\\\\", 2);
			o += 2;
			i++;
		} else if (p[i] >= 0x20 && p[i] < 0x7f) {
			buf[o++] = s[i++];
		} else if ((k = utf8_len(p + i, len - i)) > 0 &&
		    i + k <= max) {
			memcpy(buf + o, s + i, k);
			o += k;
			i += k;
		} else if (k > 0) {
			break;		/* a character the cut would split */
		} else {
			if (p[i] == '\n')
				memcpy(buf + o, "\\n", 2);
			else if (p[i] == '\r')
				memcpy(buf + o, "\\r", 2);
			else if (p[i] == '\t')
				memcpy(buf + o, "\\t", 2);
			else
				snprintf(buf + o, 5, "\\x%02x", p[i]);
			o += p[i] == '\n' || p[i] == '\r' || p[i] == '\t' ?
			    2 : 4;
			i++;
		}
	}
	pthread_mutex_unlock(&mu);
	if (i < len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

/* The excerpt of the string S; "" for NULL. */
const char *
ll_excerpt_str(char *buf, size_t size, const char *s)
{
	return ll_excerpt(buf, size, s != NULL ? s : "", s != NULL ?
	    strlen(s) : 0);
}
