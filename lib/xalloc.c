/* Checked allocation: every tool dies with exit 3 rather than limp on. */
#define _GNU_SOURCE
#include <sys/mman.h>

#include <err.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "xalloc.h"

static __dead void
oom(void)
{
	errx(LL_EXIT_IO, "out of memory");
}

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		oom();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (r == -1)
		oom();
	return p;
}

/*
 * Asks the kernel to back the whole 2 MiB pages inside the block P of
 * N bytes with huge pages.  A buffer of tens of megabytes written once
 * otherwise takes a page fault every 4 KiB, which cost ll-partition a
 * sixth of its time; small blocks are left alone, so that many small
 * buffers do not each hold 2 MiB.  Advice only: failure changes nothing.
 */
void
ll_hugepages(void *p, size_t n)
{
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t lo, hi;

	if (n < LL_HUGE_MIN)
		return;
	lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	hi = ((uintptr_t)p + n) & ~(huge - 1);
	if (hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
}

/*
 * A mapping of SIZE bytes (a multiple of 2 MiB) advised as huge pages,
 * for a buffer that grows to many megabytes: xmremap_huge grows it where it
 * lies or moves its pages, so that no byte is copied and no page is
 * zeroed twice, and a doubling does not hold both blocks at once.
 */
void *
xmmap_huge(size_t size)
{
	void *p;

	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		oom();
	ll_hugepages(p, size);
	return p;
}

void *
xmremap_huge(void *p, size_t old, size_t size)
{
	if ((p = mremap(p, old, size, MREMAP_MAYMOVE)) == MAP_FAILED)
		oom();
	ll_hugepages(p, size);
	return p;
}
