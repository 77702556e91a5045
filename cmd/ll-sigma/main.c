/*
 * ll-sigma evaluates Sigma detection rules over CloudTrail records
 * (NDJSON, one event a line, as ll-splitjson -e Records writes them)
 * and writes each record that a rule matches, byte for byte, with one
 * member added: "sigma", an array of {"id","title","level"}, one for
 * each matching rule in the order the rules were loaded.  A record is
 * parsed once for all the rules.  A rule that cannot be evaluated
 * exactly is refused with its file, line and reason; --check lists
 * every rule's verdict without reading records.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/out.h"
#include "io/reader.h"
#include "json/jscan.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

#include "sigma.h"

struct sigma {
	struct ruleset	 rules;
	struct fields	 f;
	struct index	 idx;
	struct ll_jbuf	 out;
	size_t		 max_record;	/* -M */
	uintmax_t	 blank;
};

static const struct ll_opt opts[] = {
	{ 'K', "check", NULL, "read the rules only: one verdict a rule", 0 },
	{ 'y', "rules", "FILE|DIR", "load Sigma rules (repeatable)", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-sigma [-hKuV] [-M size] [-m size] [-R ratio] [-r file] "
	    "[-S file]\n"
	    "                -y rules [file ...]",
	"Evaluate Sigma detection rules over CloudTrail records.",
	"MRSmru", opts,
	"  ll-splitjson -e Records raw/*.json.gz |\n"
	    "      ll-sigma -y sigma/rules/cloud/aws/cloudtrail"
};

static int
blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return 0;
	return 1;
}

/* The record up to its closing brace, the matches, and the brace. */
static void
record(struct sigma *sg, const char *name, uintmax_t lineno,
    const char *line, size_t n)
{
	struct fields *f = &sg->f;
	struct rule *r;
	const char *member;
	size_t i, hits = 0;

	if (blank(line, n)) {
		sg->blank++;
		return;
	}
	if (ll_fields_scan(f, line, n) == -1) {
		if (!f->object) {
			ll_warnx_at(name, lineno, "not a JSON object");
			ll_reject(LL_R_NOT_OBJECT, line, n);
		} else {
			ll_warnx_at(name, lineno, "byte %zu: invalid JSON: %s",
			    ll_jscan_offset(&f->scan), f->scan.err);
			ll_reject(LL_R_INVALID_JSON, line, n);
		}
		return;
	}
	ll_index_record(&sg->idx, f);
	for (i = 0; i < sg->rules.n; i++) {
		r = &sg->rules.r[i];
		if (r->why != NULL || (sg->idx.guarded[i] &&
		    sg->idx.stamp[i] != sg->idx.now) || !ll_rule_match(r, f))
			continue;
		r->hits++;
		if (hits++ == 0)
			sg->out.len = 0;
		else
			ll_jbuf_addc(&sg->out, ',');
		ll_jbuf_adds(&sg->out, r->tag);
	}
	if (hits == 0)
		return;
	ll_out_write(line, f->end - 1);
	member = f->empty ? "\"sigma\":[" : ",\"sigma\":[";
	ll_out_write(member, strlen(member));
	ll_out_write(sg->out.p, sg->out.len);
	ll_out_record("]}", 2);
}

static void
input(struct sigma *sg, const char *path)
{
	struct ll_reader rd;
	struct ll_input *in;
	const char *line;
	size_t n;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	ll_reader_init(&rd, in, sg->max_record);
	while (ll_reader_next(&rd, &line, &n))
		record(sg, rd.name, rd.line, line, n);
	ll_reader_free(&rd);
	ll_input_close(in);
}

static void
str(struct ll_jbuf *b, const char *key, const char *s)
{
	ll_jbuf_adds(b, key);
	if (s == NULL)
		ll_jbuf_adds(b, "null");
	else
		ll_jbuf_addraw_str(b, s, strlen(s));
}

/* --check: one line for each rule, supported or refused and why. */
static void
check(struct sigma *sg)
{
	struct ll_jbuf *b = &sg->out;
	struct rule *r;
	char num[32];
	size_t i;

	for (i = 0; i < sg->rules.n; i++) {
		r = &sg->rules.r[i];
		b->len = 0;
		str(b, "{\"file\":", r->file);
		snprintf(num, sizeof(num), ",\"line\":%lu", r->why != NULL ?
		    r->whyline : r->line);
		ll_jbuf_adds(b, num);
		str(b, ",\"id\":", r->id);
		str(b, ",\"title\":", r->title);
		str(b, ",\"level\":", r->level);
		str(b, ",\"status\":", r->why != NULL ? "refused" :
		    "supported");
		str(b, ",\"reason\":", r->why);
		ll_jbuf_addc(b, '}');
		ll_out_record(b->p, b->len);
	}
}

/* --stats: rules used and refused, and the records each rule matched. */
static void
report(struct sigma *sg)
{
	struct rule *r;
	json_t *o;
	char *key;
	size_t i;

	o = json_object();
	for (i = 0; i < sg->rules.n; i++) {
		r = &sg->rules.r[i];
		if (r->why != NULL)
			continue;
		key = r->id != NULL ? xstrdup(r->id) : xasprintf("%s:%lu",
		    r->file, r->line);
		json_object_set_new(o, key, json_integer((json_int_t)r->hits));
		free(key);
	}
	ll_stats_add("rules", sg->rules.n - sg->rules.refused);
	ll_stats_add("rules_refused", sg->rules.refused);
	ll_stats_add("blank_lines", sg->blank);
	ll_stats_add("regex_errors", ll_value_re_errors);
	if (ll_value_re_errors > 0) {
		warnx("regular expression matches that gave up (PCRE2's "
		    "match limit), taken as no match: %ju", ll_value_re_errors);
		ll_fail(LL_EXIT_REJECT);
	}
	json_object_set_new(ll_stats.extra, "matches", o);
}

int
main(int argc, char *argv[])
{
	struct sigma sg;
	const char *arg;
	int ch, i, checking = 0, nrules = 0;

	ll_init(argv[0]);
	memset(&sg, 0, sizeof(sg));
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'K':
			checking = 1;
			break;
		case 'y':
			ll_load_rules(&sg.rules, arg);
			nrules++;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	sg.max_record = ll_opt_max_record;
	argc -= optind;
	argv += optind;
	if (nrules == 0)
		errx(LL_EXIT_USAGE, "--rules (-y) is required: a Sigma rule "
		    "file or a directory of them");
	if (checking && argc > 0)
		errx(LL_EXIT_USAGE, "--check reads rules only, no records");
	if (sg.rules.refused > 0)
		ll_fail(LL_EXIT_REJECT);
	ll_fields_init(&sg.f);
	ll_rule_bind(&sg.rules, &sg.f);
	ll_index_build(&sg.idx, &sg.rules, &sg.f);
	if (checking)
		check(&sg);
	else if (sg.rules.refused == sg.rules.n)
		warnx("no rule can be used; no record read");
	else if (argc == 0)
		input(&sg, "-");
	for (i = 0; !checking && sg.rules.refused < sg.rules.n && i < argc;
	    i++)
		input(&sg, argv[i]);
	report(&sg);
	ll_index_free(&sg.idx);
	ll_rule_free(&sg.rules);
	ll_fields_free(&sg.f);
	ll_jbuf_free(&sg.out);
	return ll_finish();
}
