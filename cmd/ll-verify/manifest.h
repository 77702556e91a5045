/*
 * The manifests ll-fetch -O wrote: one record per object, with the
 * SHA-256 of its bytes as stored and, for a digest, the signature
 * S3 returned with it (x-amz-meta-signature).  Indexed by bucket and
 * key; only objects the manifest says are in the store are kept.
 */
#ifndef LL_VERIFY_MANIFEST_H
#define LL_VERIFY_MANIFEST_H

#include <stddef.h>

struct ll_mrec {
	char	*id;		/* "BUCKET/KEY" */
	char	 sha[65];	/* "" when the manifest had none */
	char	*sig;		/* digests: hex signature, or NULL */
	char	*sigalg;
	int	 seen;		/* found in the store */
};

struct ll_manifest {
	struct ll_mrec	**slot;
	size_t		 nslot, n;
	char		*store;	/* real path of the store (file:// records) */
};

void	ll_manifest_init(struct ll_manifest *, const char *);
void	ll_manifest_read(struct ll_manifest *, const char *, size_t);
struct ll_mrec *ll_manifest_get(struct ll_manifest *, const char *,
	    const char *);
struct ll_mrec *ll_manifest_next(struct ll_manifest *, size_t *);
void	ll_manifest_free(struct ll_manifest *);

#endif
