/*
 * CloudTrail's public keys, as "aws cloudtrail list-public-keys"
 * prints them: {"PublicKeyList": [{"Value", "Fingerprint",
 * "ValidityStartTime", "ValidityEndTime"}]}.  Value is the base64 of a
 * DER PKCS#1 RSAPublicKey; the fingerprint, the hex MD5 of those DER
 * bytes, is computed and must match.
 */
#ifndef LL_VERIFY_KEYS_H
#define LL_VERIFY_KEYS_H

#include <stddef.h>
#include <stdint.h>

struct key {
	char	 fp[33];
	void	*pkey;		/* EVP_PKEY */
	int64_t	 from, until;	/* validity, seconds since the epoch */
};

struct keyring {
	struct key *v;
	size_t	 n;
};

/* Keys rotate with a delay: a digest may end this long before or after. */
#define KEY_SLACK	(2 * 3600)

void	keyring_load(struct keyring *, const char *);
const struct key *keyring_find(const struct keyring *, const char *);
int	key_valid_at(const struct key *, int64_t);
int	key_verify(const struct key *, const void *, size_t, const char *);
void	keyring_free(struct keyring *);
void	md5hex(const void *, size_t, char [33]);

#endif
