/*
 * SHA-256 (the lineage digest in manifests) and MD5 (what S3 calls the
 * ETag of an object uploaded in one part) computed in one pass.
 */
#ifndef LL_HASH_H
#define LL_HASH_H

#include <stddef.h>

struct ll_hash {
	void	*sha256;	/* EVP_MD_CTX */
	void	*md5;
};

void	ll_hash_init(struct ll_hash *);
void	ll_hash_update(struct ll_hash *, const void *, size_t);
void	ll_hash_final(struct ll_hash *, char [65], char [33]);
void	ll_hash_free(struct ll_hash *);
int	ll_hash_file(int, char [65], char [33]);
int	ll_hash_is_md5(const char *);

#endif
