/*
 * The AWS shared config and credentials files, as the SDKs read them:
 * AWS_CONFIG_FILE (default ~/.aws/config, sections "[default]" and
 * "[profile NAME]") and AWS_SHARED_CREDENTIALS_FILE (default
 * ~/.aws/credentials, sections "[NAME]").  A setting in the
 * credentials file wins over the same one in the config file.
 */
#ifndef LL_AWS_AWSCONF_H
#define LL_AWS_AWSCONF_H

struct ll_awsconf;

struct ll_awsconf *ll_awsconf_load(void);
const char *ll_awsconf_profile(int *);
int	ll_awsconf_has(const struct ll_awsconf *, const char *);
const char *ll_awsconf_get(const struct ll_awsconf *, const char *,
	    const char *);
const char *ll_awsconf_file(const struct ll_awsconf *, const char *,
	    const char *);
const char *ll_awsconf_files(const struct ll_awsconf *);
const char *ll_awsconf_error(const struct ll_awsconf *);
void	ll_awsconf_free(struct ll_awsconf *);

#endif
