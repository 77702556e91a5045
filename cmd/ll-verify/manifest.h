/*
 * The manifests ll-fetch -g wrote: one record per object, with the
 * SHA-256 of its bytes as stored and, for a digest, the signature
 * S3 returned with it (x-amz-meta-signature).  Indexed by bucket and
 * key; only objects the manifest says are in the store are kept.
 */
#ifndef LL_VERIFY_MANIFEST_H
#define LL_VERIFY_MANIFEST_H

#include <stddef.h>

struct mrec {
	char	*id;		/* "BUCKET/KEY" */
	char	 sha[65];	/* "" when the manifest had none */
	char	*sig;		/* digests: hex signature, or NULL */
	char	*sigalg;
	int	 seen;		/* found in the store */
};

struct manifest {
	struct mrec	**slot;
	size_t		 nslot, n;
	char		*store;	/* real path of the store, for file:// records */
};

void	manifest_init(struct manifest *, const char *);
void	manifest_read(struct manifest *, const char *, size_t);
struct mrec *manifest_get(struct manifest *, const char *, const char *);
struct mrec *manifest_next(struct manifest *, size_t *);
void	manifest_free(struct manifest *);

#endif
