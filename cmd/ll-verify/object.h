/*
 * Reading a stored object once for everything the validator needs:
 * the SHA-256 of its bytes as stored (the manifest's), the SHA-256 of
 * its decompressed content (what a digest lists), and for a digest
 * the content itself.
 */
#ifndef LL_VERIFY_OBJECT_H
#define LL_VERIFY_OBJECT_H

#include <stddef.h>
#include <stdint.h>

struct ll_object {
	char	 rawsha[65];	/* of the bytes as stored */
	char	 sha[65];	/* of the decompressed bytes */
	uint64_t rawbytes;
	uint64_t bytes;
	int	 gzip;		/* stored as gzip */
	int	 damaged;	/* the decoder met damaged data */
	int	 toobig;	/* more than the kept maximum */
};

int	ll_object_read(const char *, struct ll_object *, char **, size_t *,
	    size_t);
void	ll_object_done(void);
void	ll_object_sha256(const void *, size_t, char [65]);

#endif
