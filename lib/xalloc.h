/* Allocators that exit 3 with "out of memory" instead of returning NULL. */
#ifndef LL_XALLOC_H
#define LL_XALLOC_H

#include <stddef.h>

#define LL_HUGE_MIN	((size_t)4 << 20)	/* see ll_hugepages */

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
void	 ll_hugepages(void *, size_t);
void	*xmmap_huge(size_t);
void	*xmremap_huge(void *, size_t, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
