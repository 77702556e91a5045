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

struct ll_key {
	char	 fp[33];
	void	*pkey;		/* EVP_PKEY */
	int64_t	 from, until;	/* validity, seconds since the epoch */
};

struct ll_keys {
	struct ll_key *v;
	size_t	 n;
};

/* Keys rotate with a delay: a digest may end this long before or after. */
#define LL_KEYS_SLACK	(2 * 3600)

void	ll_keys_load(struct ll_keys *, const char *);
const struct ll_key *ll_keys_find(const struct ll_keys *, const char *);
int	ll_keys_valid_at(const struct ll_key *, int64_t);
int	ll_keys_verify(const struct ll_key *, const void *, size_t,
	    const char *);
void	ll_keys_free(struct ll_keys *);
void	ll_keys_md5(const void *, size_t, char [33]);

#endif
