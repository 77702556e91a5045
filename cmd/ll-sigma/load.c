/*
 * Rule files and directories: every YAML document in a file is one
 * rule, compiled by rule.c; a directory gives its .yml and .yaml files
 * and those of its directories in name order.  A rule that cannot be
 * used is kept in the set with its reason, reported once here, so that
 * --check can list it and the exit status can say so.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "ll.h"
#include "xalloc.h"

#include "sigma.h"

static struct rule *
append(struct ruleset *set, const char *path, unsigned long line)
{
	struct rule *r;

	set->r = xreallocarray(set->r, set->n + 1, sizeof(*set->r));
	r = &set->r[set->n++];
	memset(r, 0, sizeof(*r));
	r->file = xstrdup(path);
	r->line = line;
	return r;
}

static void
refused(struct ruleset *set, struct rule *r, unsigned long line,
    const char *why)
{
	r->why = xstrdup(why);
	r->whyline = line;
	set->refused++;
	ll_warnx_conf(r->file, line, "%s", why);
}

/* Every YAML document in the file is one rule. */
static void
load_file(struct ruleset *set, const char *path)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	struct rule *r;
	unsigned long line;
	FILE *fp;
	char why[512];
	int docs = 0;

	if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(why, sizeof(why), "invalid: %s", strerror(errno));
		refused(set, append(set, path, 0), 0, why);
		return;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, fp);
	for (;;) {
		if (!yaml_parser_load(&parser, &doc)) {
			snprintf(why, sizeof(why), "invalid: YAML: %s%s%s",
			    parser.problem != NULL ? parser.problem : "error",
			    parser.context != NULL ? " " : "",
			    parser.context != NULL ? parser.context : "");
			r = append(set, path, parser.problem_mark.line + 1);
			refused(set, r, parser.problem_mark.line + 1, why);
			docs = -1;
			break;
		}
		if ((root = yaml_document_get_root_node(&doc)) == NULL) {
			yaml_document_delete(&doc);
			break;
		}
		docs++;
		r = append(set, path, root->start_mark.line + 1);
		if (ll_rule_compile(set, r, &doc, root, why, sizeof(why),
		    &line) == -1)
			refused(set, r, line, why);
		yaml_document_delete(&doc);
	}
	if (docs == 0)
		refused(set, append(set, path, 1), 1, "invalid: no rule in "
		    "the file");
	yaml_parser_delete(&parser);
	if (ferror(fp))
		err(LL_EXIT_IO, "%s", path);
	fclose(fp);
}

static int
byname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
rulename(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".yml") ==
	    0) || (n > 5 && strcmp(name + n - 5, ".yaml") == 0));
}

/*
 * A directory's .yml and .yaml files, and those of its directories,
 * in name order.  Symbolic links to directories are not followed, so
 * a link cannot make the walk loop.
 */
static size_t
load_dir(struct ruleset *set, const char *path)
{
	struct dirent *e;
	struct stat st;
	DIR *d;
	char **names = NULL, *full;
	size_t n = 0, i, files = 0;

	if ((d = opendir(path)) == NULL)
		err(LL_EXIT_USAGE, "%s", path);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xasprintf("%s%s%s", path, path[strlen(path) -
		    1] == '/' ? "" : "/", e->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), byname);
	for (i = 0; i < n; i++) {
		full = names[i];
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode))
			files += load_dir(set, full);
		else if (rulename(strrchr(full, '/') + 1)) {
			load_file(set, full);
			files++;
		}
		free(full);
	}
	free(names);
	return files;
}

/* Rules from a file or a directory; refused ones are reported. */
void
ll_load_rules(struct ruleset *set, const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1)
		err(LL_EXIT_USAGE, "%s", path);
	if (!S_ISDIR(st.st_mode))
		load_file(set, path);
	else if (load_dir(set, path) == 0)
		errx(LL_EXIT_USAGE, "%s: no .yml or .yaml file", path);
}
