/*
 * Printable excerpts of untrusted text: what a remote service said in
 * an error, a value read from a file.  Control characters, backslashes
 * and bytes that are not UTF-8 are escaped (\n, \\, \x1b), C1 controls
 * too, so that nothing reaches a terminal or a log as a command; the
 * text is cut after LL_EXCERPT_MAX bytes with "..."; and every secret
 * registered with ll_excerpt_secret() (credentials a service might
 * repeat) is shown as [redacted].
 */
#ifndef LL_EXCERPT_H
#define LL_EXCERPT_H

#include <stddef.h>

#define LL_EXCERPT_MAX	200
#define LL_EXCERPT_BUF	(LL_EXCERPT_MAX * 4 + 16)

const char *ll_excerpt(char *, size_t, const char *, size_t);
const char *ll_excerpt_str(char *, size_t, const char *);
void	ll_excerpt_secret(const char *);
void	ll_excerpt_forget(void);

#endif
