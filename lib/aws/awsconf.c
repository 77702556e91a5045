/*
 * A small reader for the AWS INI files.  Like the SDKs it takes
 * "key = value" lines under "[section]" headers, lowercases keys,
 * skips lines starting with '#' or ';', and treats indented lines as
 * the continuation of a nested setting ("s3 =" and its sub-keys),
 * which credentials never use and which are ignored here.  A file
 * that does not exist is no error; one that cannot be read is
 * remembered and reported when a profile is needed.
 */
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/awsconf.h"
#include "xalloc.h"

struct setting {
	char	*section;	/* the profile name */
	char	*key;
	char	*value;
	int	 file;		/* 0: config, 1: credentials */
};

struct ll_awsconf {
	struct setting	*s;
	size_t		 n;
	char		*path[2];
	char		*files;		/* both names, for messages */
	char		*error;
};

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

static char *
home_path(const char *var, const char *dflt)
{
	const char *v, *home;
	struct passwd *pw;

	v = env(var);
	if (v != NULL && v[0] != '~')
		return xstrdup(v);
	if ((home = env("HOME")) == NULL) {
		pw = getpwuid(getuid());
		home = pw != NULL ? pw->pw_dir : "/";
	}
	if (v != NULL)
		return xasprintf("%s%s", home, v + 1);
	return xasprintf("%s/%s", home, dflt);
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/*
 * The profile a section header names, or NULL for sections that hold
 * no profile ("[sso-session x]", "[services x]").  In the config file
 * a profile is "[profile NAME]", except "[default]".
 */
static char *
section_name(char *h, int file)
{
	char *e, *name;

	h = trim(h + 1);
	if ((e = strrchr(h, ']')) == NULL)
		return NULL;
	*e = '\0';
	h = trim(h);
	if (file == 1)
		return xstrdup(h);
	if (strcmp(h, "default") == 0)
		return xstrdup(h);
	if (strncmp(h, "profile", 7) != 0 || (h[7] != ' ' && h[7] != '\t'))
		return NULL;
	name = trim(h + 8);
	return *name != '\0' ? xstrdup(name) : NULL;
}

static void
add(struct ll_awsconf *c, const char *section, char *key, char *value,
    int file)
{
	struct setting *s;
	char *p;

	for (p = key; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	c->s = xreallocarray(c->s, c->n + 1, sizeof(*c->s));
	s = &c->s[c->n++];
	s->section = xstrdup(section);
	s->key = xstrdup(key);
	s->value = xstrdup(value);
	s->file = file;
}

/* Marks that SECTION exists, even with no settings. */
static void
mark(struct ll_awsconf *c, const char *section, int file)
{
	char k[] = "";

	add(c, section, k, k, file);
}

static void
read_file(struct ll_awsconf *c, int file)
{
	FILE *fp;
	char *line = NULL, *l, *eq, *section = NULL;
	size_t cap = 0;

	if ((fp = fopen(c->path[file], "r")) == NULL) {
		if (errno != ENOENT && c->error == NULL)
			c->error = xasprintf("%s: %s", c->path[file],
			    strerror(errno));
		return;
	}
	while (getline(&line, &cap, fp) != -1) {
		if (line[0] == ' ' || line[0] == '\t')
			continue;	/* a nested setting's sub-key */
		l = trim(line);
		if (*l == '\0' || *l == '#' || *l == ';')
			continue;
		if (*l == '[') {
			free(section);
			if ((section = section_name(l, file)) != NULL)
				mark(c, section, file);
			continue;
		}
		if (section == NULL || (eq = strchr(l, '=')) == NULL)
			continue;
		*eq = '\0';
		add(c, section, trim(l), trim(eq + 1), file);
	}
	if (ferror(fp) && c->error == NULL)
		c->error = xasprintf("%s: %s", c->path[file], strerror(errno));
	free(section);
	free(line);
	fclose(fp);
}

struct ll_awsconf *
ll_awsconf_load(void)
{
	struct ll_awsconf *c;

	c = xcalloc(1, sizeof(*c));
	c->path[0] = home_path("AWS_CONFIG_FILE", ".aws/config");
	c->path[1] = home_path("AWS_SHARED_CREDENTIALS_FILE",
	    ".aws/credentials");
	c->files = xasprintf("%s or %s", c->path[0], c->path[1]);
	read_file(c, 0);
	read_file(c, 1);
	return c;
}

/*
 * The profile to use: AWS_PROFILE, AWS_DEFAULT_PROFILE (older SDKs),
 * or "default".  *NAMED says whether the user named one.
 */
const char *
ll_awsconf_profile(int *named)
{
	const char *p;

	if ((p = env("AWS_PROFILE")) == NULL)
		p = env("AWS_DEFAULT_PROFILE");
	*named = p != NULL;
	return p != NULL ? p : "default";
}

int
ll_awsconf_has(const struct ll_awsconf *c, const char *profile)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->s[i].section, profile) == 0)
			return 1;
	return 0;
}

static const struct setting *
lookup(const struct ll_awsconf *c, const char *profile, const char *key)
{
	const struct setting *found = NULL;
	size_t i;

	/* The last one wins, and the credentials file over the config. */
	for (i = 0; i < c->n; i++)
		if (strcmp(c->s[i].section, profile) == 0 &&
		    strcmp(c->s[i].key, key) == 0 && (found == NULL ||
		    c->s[i].file >= found->file))
			found = &c->s[i];
	return found;
}

/* KEY of PROFILE, or NULL when unset or empty. */
const char *
ll_awsconf_get(const struct ll_awsconf *c, const char *profile,
    const char *key)
{
	const struct setting *s = lookup(c, profile, key);

	return s != NULL && *s->value != '\0' ? s->value : NULL;
}

/* The file KEY of PROFILE was found in. */
const char *
ll_awsconf_file(const struct ll_awsconf *c, const char *profile,
    const char *key)
{
	const struct setting *s = lookup(c, profile, key);

	return s != NULL ? c->path[s->file] : c->path[0];
}

const char *
ll_awsconf_files(const struct ll_awsconf *c)
{
	return c->files;
}

const char *
ll_awsconf_error(const struct ll_awsconf *c)
{
	return c->error;
}

void
ll_awsconf_free(struct ll_awsconf *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->s[i].section);
		free(c->s[i].key);
		if (c->s[i].value != NULL)
			explicit_bzero(c->s[i].value, strlen(c->s[i].value));
		free(c->s[i].value);
	}
	free(c->s);
	free(c->path[0]);
	free(c->path[1]);
	free(c->files);
	free(c->error);
	free(c);
}
