/*
 * ll-filter copies the NDJSON records that pass every test, and the
 * central controls, from its input to standard output, byte for byte.
 * Each line is validated and its tested fields found in one pass,
 * without building a JSON tree.  Lines that are not JSON objects are
 * reported, counted and quarantined with --reject; --stats counts the
 * records each test and each controls rule removed.
 */
#include <err.h>
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
#include "grep.h"
#include "tests.h"
#include "opt.h"
#include "xalloc.h"

struct filter {
	struct ll_controls *ctl;
	size_t		*ctlpath;	/* controls path -> path */
	size_t		 nctl;
	struct ll_tests	 tests;
	struct ll_grep	 grep;
	struct ll_pathset paths;
	struct ll_jfind	 scan;
	struct ll_val	*vals;
	char		**dec;		/* per path: decoded strings */
	size_t		*decsize;
	int		 full;		/* --parse: use jansson */
	size_t		 max_record;
	uintmax_t	*removed;	/* per rule, per test, then --grep */
	uintmax_t	 blank;
	struct ll_jbuf	 out;		/* a record with ll_match added */
};

static const struct ll_opt opts[] = {
	{ 'c', "controls", "FILE", "apply the central controls in FILE", 0 },
	{ 'g', "grep", "STRING", "keep records holding STRING (repeatable)",
	    0 },
	{ 'I', "indicators", "FILE", "keep records holding a line of FILE; "
	    "name it", 0 },
	{ 'i', "ignore-case", NULL, "--grep ignores ASCII case", 0 },
	{ 'p', "parse", NULL, "parse every record with jansson (slower)", 0 },
	{ 'w', "where", "TEST", "keep records passing TEST, e.g. "
	    "'.eventName = X'", 0 },
	{ 'x', "word", NULL, "--grep finds whole words only", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-filter [-hipuVx] [-c file] [-g string] [-I file] "
	    "[-M size] [-m size]\n"
	    "                 [-R ratio] [-r file] [-S file] [-w test] "
	    "[file ...]",
	"Keep NDJSON records that pass field tests, a string search and "
	    "the controls.",
	"MRSmru", opts,
	"  ll-filter -c controls.conf "
	    "-w '.eventName in StartSession,AssumeRole' ev"
};

/*
 * Validates the record and finds the values at every path, with the
 * scanner or, with --parse, jansson; *jp is then the tree to free.
 * Invalid JSON is reported in jansson's words and rejected (-1).
 * jansson lets a raw NUL byte after a number pass; we do not.
 */
static int
load(struct filter *f, const struct ll_reader *rd, const char *line,
    size_t n, json_t **jp)
{
	json_error_t jerr;
	const char *nul;
	size_t i;

	*jp = NULL;
	if (!f->full && ll_jfind(&f->scan, line, n) == LL_JF_OBJECT) {
		for (i = 0; i < f->paths.n; i++)
			ll_tests_val_span(&f->vals[i], &f->scan.val[i], &f->dec[i],
			    &f->decsize[i]);
		return 0;
	}
	if ((nul = memchr(line, '\0', n)) != NULL)
		ll_warnx_at(rd->name, rd->line, "byte %zu: invalid JSON: "
		    "NUL byte", (size_t)(nul - line));
	else if ((*jp = ll_json_parse(line, n, &jerr)) == NULL)
		ll_warnx_at(rd->name, rd->line, "byte %d: invalid JSON: %s",
		    jerr.position, jerr.text);
	else {
		/* With --parse; without, only a scanner bug leads here. */
		for (i = 0; i < f->paths.n; i++)
			ll_tests_val_json(&f->vals[i], ll_path_get(&f->paths.p[i],
			    *jp));
		return 0;
	}
	ll_reject(LL_R_INVALID_JSON, line, n);
	return -1;
}

/*
 * Returns -1 to keep the record, or what removed it.  With a tree J
 * the controls read it through jansson, as other tools do.
 */
static int
verdict(struct filter *f, const char *line, size_t n, json_t *j)
{
	struct ll_crecord rec;
	const struct ll_val *v;
	size_t i, nrules;
	int k;

	nrules = f->ctl != NULL ? ll_controls_nrules(f->ctl) : 0;
	if (f->ctl != NULL && j != NULL) {
		if ((k = ll_controls_test(f->ctl, j)) >= 0)
			return k;
	} else if (f->ctl != NULL) {
		ll_controls_rec_clear(&rec);
		for (i = 0; i < f->nctl; i++) {
			v = &f->vals[f->ctlpath[i]];
			if (v->type == LL_JF_STRING)
				ll_controls_rec_string(&rec, i, v->s, v->len);
			else if (v->type == LL_JF_NUMBER)
				ll_controls_rec_number(&rec, i, v->num);
		}
		if ((k = ll_controls_check(f->ctl, &rec)) >= 0)
			return k;
	}
	if ((k = ll_tests_eval(&f->tests, f->vals)) >= 0)
		return (int)nrules + k;
	if ((f->grep.n > 0 || f->grep.nfiles > 0) &&
	    !ll_grep_match(&f->grep, line, n))
		return (int)(nrules + f->tests.n);
	return -1;
}

/*
 * Writes a record that passed; with --indicators, with the needles it
 * holds added as its last member, ll_match (after any it had, so that
 * readers taking the last of two equal keys, as jq and jansson do,
 * see this one).
 */
static void
put(struct filter *f, const char *line, size_t n)
{
	size_t end, brace;

	if (f->grep.ac == NULL) {
		ll_out_record(line, n);
		return;
	}
	for (end = n; end > 0 && line[end - 1] != '}'; end--)
		;
	for (brace = end - 1; brace > 0 && (line[brace - 1] == ' ' ||
	    line[brace - 1] == '\t' || line[brace - 1] == '\n' ||
	    line[brace - 1] == '\r'); brace--)
		;
	f->out.len = 0;
	ll_jbuf_add(&f->out, line, brace);
	if (line[brace - 1] != '{')
		ll_jbuf_addc(&f->out, ',');
	ll_grep_put_matches(&f->grep, &f->out);
	ll_jbuf_add(&f->out, line + end - 1, n - (end - 1));
	ll_out_record(f->out.p, f->out.len);
}

static void
filter(struct filter *f, const char *path)
{
	struct ll_reader rd;
	struct ll_input *in;
	const char *line, *p;
	json_t *j;
	size_t n;
	int k;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	ll_reader_init(&rd, in, f->max_record);
	while (ll_reader_next(&rd, &line, &n)) {
		for (p = line; p < line + n && (*p == ' ' || *p == '\t' ||
		    *p == '\r'); p++)
			;
		if (p == line + n) {
			f->blank++;
			continue;
		}
		if (*p != '{') {
			ll_warnx_at(rd.name, rd.line, "not a JSON object");
			ll_reject(LL_R_NOT_OBJECT, line, n);
			continue;
		}
		if (load(f, &rd, line, n, &j) == -1)
			continue;
		if ((k = verdict(f, line, n, j)) < 0)
			put(f, line, n);
		else
			f->removed[k]++;
		json_decref(j);
	}
	ll_reader_free(&rd);
	ll_input_close(in);
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
	f->removed = xcalloc(nrules + f->tests.n + 1, sizeof(*f->removed));
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
		case 'g':
			ll_grep_add(&f.grep, arg);
			break;
		case 'I':
			ll_grep_file(&f.grep, arg);
			break;
		case 'i':
			icase = 1;
			break;
		case 'p':
			f.full = 1;
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
	prepare(&f, icase);
	if (argc == 0)
		filter(&f, "-");
	for (i = 0; i < argc; i++)
		filter(&f, argv[i]);
	report(&f);
	cleanup(&f);
	return ll_finish();
}
