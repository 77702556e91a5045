/*
 * Field paths in the style users know from jq: ".eventName",
 * ".userIdentity.sessionContext.sessionIssuer.arn", and quoting for
 * keys with dots or odd characters: '."a.b"' or '.["a.b"]'.  The
 * leading dot is optional.  Every segment names an object key.
 */
#ifndef LL_PATH_H
#define LL_PATH_H

#include <stddef.h>

#include <jansson.h>

struct ll_path {
	char	**seg;
	size_t	 *seglen;
	size_t	  n;
	char	 *text;
};

int	ll_path_parse(struct ll_path *, const char *, const char **);
json_t	*ll_path_get(const struct ll_path *, json_t *);
void	ll_path_set(const struct ll_path *, json_t *, json_t *);
void	ll_path_option(struct ll_path *, const char *, const char *);
void	ll_path_free(struct ll_path *);

#endif
