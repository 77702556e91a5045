/*
 * ll-filter copies the NDJSON records that pass every test, and the
 * central controls, from its input to standard output, byte for byte.
 * Each line is validated and its tested fields found in one pass,
 * without building a JSON tree.  Lines that are not JSON objects are
 * reported, counted and quarantined with --reject; --stats counts the
 * records each test and each controls rule removed.  With --explode it
 * reads JSON documents (CloudTrail files) and splits them itself.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/out.h"
#include "io/reader.h"
#include "json/jbuf.h"
#include "json/jfind.h"
#include "json/json.h"
#include "lake/controls.h"
#include "lake/source.h"
#include "ll.h"
#include "filter.h"
#include "opt.h"
#include "xalloc.h"

static const struct ll_opt opts[] = {
	{ 'c', "controls", "FILE", "apply the central controls in FILE", 0 },
	{ 'e', "explode", "PATH", "read JSON documents, filter the array "
	    "at PATH", 0 },
	{ 'g', "grep", "STRING", "keep records holding STRING (repeatable)",
	    0 },
	{ 'I', "indicators", "FILE", "keep records holding a line of FILE; "
	    "name it", 0 },
	{ 'i', "ignore-case", NULL, "--grep ignores ASCII case", 0 },
	{ 'j', "jobs", "N", "work on N input files at once", 0 },
	{ 'k', "keep", "FIELD,...",
	    "with -e, copy document fields into each element", 0 },
	{ 'p', "parse", NULL, "parse every record with jansson (slower)", 0 },
	{ 's', "source", "FIELD",
	    "with -e, add FIELD holding the input file's name", 0 },
	{ 'w', "where", "TEST", "keep records passing TEST, e.g. "
	    "'.eventName = X'", 0 },
	{ 'x', "word", NULL, "--grep finds whole words only", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-filter [-hipuVx] [-c file] [-e path] [-g string] [-I file] "
	    "[-j n]\n"
	    "                 [-k field,...] [-M size] [-m size] [-R ratio] "
	    "[-r file]\n"
	    "                 [-S file] [-s field] [-w test] [file ...]",
	"Keep NDJSON records that pass field tests, a string search and "
	    "the controls.",
	"MRSmru", opts,
	"  ll-filter -c controls.conf "
	    "-w '.eventName in StartSession,AssumeRole' ev\n"
	    "  ll-filter -e Records -s source_object -c controls.conf -j 2 "
	    "raw/*.json.gz"
};

static void
filter(struct filter *f, const char *path)
{
	if (f->split.explode.n > 0)
		ll_filter_explode(f, path);
	else
		ll_filter_file(f, path);
}

/* Paths the controls read, then those of the tests, one set. */
static void
prepare(struct filter *f, int icase)
{
	const struct ll_cpath *cp;
	struct ll_path p;
	const char *why;
	size_t i, nrules;

	cp = ll_source_cpaths(&f->nctl);
	if (f->ctl == NULL)
		f->nctl = 0;
	f->ctlpath = xcalloc(f->nctl + 1, sizeof(*f->ctlpath));
	for (i = 0; i < f->nctl; i++) {
		if (ll_path_parse(&p, cp[i].path, &why) == -1)
			errx(LL_EXIT_IO, "%s: %s", cp[i].path, why);
		f->ctlpath[i] = ll_tests_pathset_add(&f->paths, &p);
		ll_path_free(&p);
	}
	if (f->paths.n > LL_JFIND_MAXPATHS)
		errx(LL_EXIT_USAGE, "more than %d different paths, counting "
		    "the %zu that --controls reads", LL_JFIND_MAXPATHS,
		    f->nctl);
	ll_tests_done(&f->tests);
	ll_grep_done(&f->grep, icase);
	ll_jfind_init(&f->scan, f->paths.p, f->paths.n);
	f->vals = xcalloc(f->paths.n + 1, sizeof(*f->vals));
	f->dec = xcalloc(f->paths.n + 1, sizeof(*f->dec));
	f->decsize = xcalloc(f->paths.n + 1, sizeof(*f->decsize));
	nrules = f->ctl != NULL ? ll_controls_nrules(f->ctl) : 0;
	f->nremoved = nrules + f->tests.n + 1;
	f->removed = xcalloc(f->nremoved, sizeof(*f->removed));
	if (f->split.explode.n > 0)
		ll_filter_explode_init(f);
}

/* --stats: what each rule and test removed, in the order applied. */
static void
report(struct filter *f)
{
	json_t *o;
	size_t i, nrules;

	o = json_object();
	nrules = f->ctl != NULL ? ll_controls_nrules(f->ctl) : 0;
	for (i = 0; i < nrules; i++)
		json_object_set_new(o, ll_controls_rule(f->ctl, i),
		    json_integer((json_int_t)f->removed[i]));
	for (i = 0; i < f->tests.n; i++)
		json_object_set_new(o, ll_tests_label(&f->tests, i),
		    json_integer((json_int_t)f->removed[nrules + i]));
	if (f->grep.label != NULL)
		json_object_set_new(o, f->grep.label, json_integer(
		    (json_int_t)f->removed[nrules + f->tests.n]));
	json_object_set_new(ll_stats.extra, "removed", o);
	ll_stats_add("blank_lines", f->blank);
	if (f->split.explode.n > 0) {
		ll_stats.records_in = f->records;
		ll_stats_add("documents_in", f->docs);
	}
}

static void
cleanup(struct filter *f)
{
	size_t i;

	for (i = 0; i < f->paths.n; i++)
		free(f->dec[i]);
	free(f->dec);
	free(f->decsize);
	free(f->ctlpath);
	free(f->vals);
	free(f->removed);
	ll_jfind_free(&f->scan);
	ll_tests_pathset_free(&f->paths);
	ll_tests_free(&f->tests);
	ll_grep_free(&f->grep);
	ll_jbuf_free(&f->out);
	ll_controls_free(f->ctl);
	ll_filter_explode_free(f);
}

int
main(int argc, char *argv[])
{
	struct filter f;
	const char *arg, *why;
	int ch, i, icase = 0;

	ll_init(argv[0]);
	memset(&f, 0, sizeof(f));
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'c':
			if (f.ctl != NULL)
				errx(LL_EXIT_USAGE, "only one --controls file");
			f.ctl = ll_controls_load(arg);
			break;
		case 'e':
			ll_path_option(&f.split.explode, "--explode", arg);
			break;
		case 'g':
			ll_grep_add(&f.grep, arg);
			break;
		case 'I':
			ll_grep_file(&f.grep, arg);
			break;
		case 'i':
			icase = 1;
			break;
		case 'j':
			f.jobs = (int)ll_opt_num("--jobs", arg, 1, 64);
			break;
		case 'k':
			ll_split_keep(&f.split, arg);
			break;
		case 'p':
			f.full = 1;
			break;
		case 's':
			ll_split_source(&f.split, arg);
			break;
		case 'w':
			if (ll_tests_add(&f.tests, &f.paths, arg, &why) == -1)
				errx(LL_EXIT_USAGE, "--where: %s: %s", arg,
				    why);
			break;
		case 'x':
			f.grep.word = 1;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	f.max_record = ll_opt_max_record;
	argc -= optind;
	argv += optind;
	if (icase && f.grep.n == 0 && f.grep.nfiles == 0)
		errx(LL_EXIT_USAGE, "--ignore-case needs --grep");
	if (f.grep.word && f.grep.n == 0 && f.grep.nfiles == 0)
		errx(LL_EXIT_USAGE, "--word needs --grep");
	if (f.split.source != NULL && f.split.explode.n == 0)
		errx(LL_EXIT_USAGE, "--source needs --explode");
	ll_split_check(&f.split);
	prepare(&f, icase);
	if (f.jobs > 1 && argc > 1)
		ll_filter_jobs(&f, argv, argc);
	else if (argc == 0)
		filter(&f, "-");
	else
		for (i = 0; i < argc; i++)
			filter(&f, argv[i]);
	report(&f);
	cleanup(&f);
	return ll_finish();
}
