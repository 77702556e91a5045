/*
 * ll-filter's verdict on one NDJSON record, and the reading of one
 * NDJSON file: what main.c (one file after another), explode.c (-e)
 * and jobs.c (-j) share.
 */
#include <errno.h>
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
#include "ll.h"
#include "filter.h"

/*
 * Validates the record and finds the values at every path, with the
 * scanner or, with --parse, jansson; *jp is then the tree to free.
 * Invalid JSON is reported in jansson's words and rejected (-1).
 * jansson lets a raw NUL byte after a number pass; we do not.
 */
static int
load(struct filter *f, const char *name, uintmax_t lineno, const char *line,
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
		ll_warnx_at(name, lineno, "byte %zu: invalid JSON: "
		    "NUL byte", (size_t)(nul - line));
	else if ((*jp = ll_json_parse(line, n, &jerr)) == NULL)
		ll_warnx_at(name, lineno, "byte %d: invalid JSON: %s",
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

/* Judges one record, LINENO of NAME, and writes it if it passes. */
void
ll_filter_line(struct filter *f, const char *name, uintmax_t lineno,
    const char *line, size_t n)
{
	const char *p;
	json_t *j;
	int k;

	for (p = line; p < line + n && (*p == ' ' || *p == '\t' ||
	    *p == '\r'); p++)
		;
	if (p == line + n) {
		f->blank++;
		return;
	}
	if (*p != '{') {
		ll_warnx_at(name, lineno, "not a JSON object");
		ll_reject(LL_R_NOT_OBJECT, line, n);
		return;
	}
	if (load(f, name, lineno, line, n, &j) == -1)
		return;
	if ((k = verdict(f, line, n, j)) < 0)
		put(f, line, n);
	else
		f->removed[k]++;
	json_decref(j);
}

void
ll_filter_file(struct filter *f, const char *path)
{
	struct ll_reader rd;
	struct ll_input *in;
	const char *line;
	size_t n;

	if ((in = ll_input_open(path)) == NULL) {
		ll_msg("%s: %s", path, strerror(errno));
		ll_fail(LL_EXIT_IO);
		return;
	}
	ll_reader_init(&rd, in, f->max_record);
	while (ll_reader_next(&rd, &line, &n))
		ll_filter_line(f, rd.name, rd.line, line, n);
	ll_reader_free(&rd);
	ll_input_close(in);
}
