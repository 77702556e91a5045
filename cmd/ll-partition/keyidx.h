/*
 * Row keys for de-duplication, stored next to the data they describe.
 * A key (a CloudTrail eventID, a log event id) is reduced to the first
 * 16 bytes of its SHA-256, so every entry has one size and collisions
 * are out of reach.  Each data file has a hidden sidecar holding its
 * keys sorted; a lookup maps the sidecars and interpolates, since
 * hashes are uniform.  The keys of the file being written sit in an
 * in-memory set, so memory is bounded by one open file's rows.
 */
#ifndef LL_KEYIDX_H
#define LL_KEYIDX_H

#include <stddef.h>

#define LL_KEYLEN	16

struct ll_keyset {
	unsigned char	*slot;
	size_t		 n, cap;
};

struct ll_keyfile {
	unsigned char	*map;
	size_t		 maplen, n;
};

void	ll_keyidx_hash(const char *, size_t, unsigned char *);
int	ll_keyidx_set_add(struct ll_keyset *, const unsigned char *);
int	ll_keyidx_set_has(const struct ll_keyset *, const unsigned char *);
void	ll_keyidx_set_free(struct ll_keyset *);
size_t	ll_keyidx_set_seal(struct ll_keyset *, unsigned char *);
int	ll_keyidx_set_write(const struct ll_keyset *, int, const char *);
int	ll_keyidx_file_open(struct ll_keyfile *, int, const char *);
int	ll_keyidx_file_has(const struct ll_keyfile *, const unsigned char *);
void	ll_keyidx_file_close(struct ll_keyfile *);

#endif
