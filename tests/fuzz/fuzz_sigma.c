/*
 * Fuzzes ll-sigma's record walk and rule evaluation (cmd/ll-sigma/).
 * Each input is one record, evaluated against rules compiled once from
 * the YAML below, which reach every kind of test: nested and array
 * fields, objects read as text, keywords over the whole record,
 * wildcards, regular expressions, networks, fieldref, exists, null and
 * numbers.  Checks: the walk accepts exactly the text ll_json_parse()
 * accepts as an object; a record the event-name index leaves out is
 * one no rule matches (the index only ever saves work); and the
 * closing brace the output is spliced before is the record's own.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <yaml.h>

#include "harness.h"
#include "json/json.h"
#include "ll.h"

#include "../../cmd/ll-sigma/sigma.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char rules[] =
    "title: a\nid: a\nlogsource: {product: aws, service: cloudtrail}\n"
    "detection:\n"
    "  sel:\n"
    "    eventName: [CreateUser, 'Delete*', 'Put?']\n"
    "    userIdentity.sessionContext.sessionIssuer.type|startswith: ro\n"
    "  arr:\n"
    "    requestParameters.items.name|contains|all: [a, b]\n"
    "  obj:\n"
    "    requestParameters|contains: '\"x\"'\n"
    "  kw: ['mimi*katz', evil]\n"
    "  condition: (sel or arr) and not (obj or kw)\n"
    "---\n"
    "title: b\nid: b\nlogsource: {product: aws, service: cloudtrail}\n"
    "detection:\n"
    "  s1:\n"
    "    userIdentity.arn|re: '^arn:.*(?i)ROLE/\\d+$'\n"
    "  s2:\n"
    "    sourceIPAddress|cidr: [10.0.0.0/8, '2001:db8::/32']\n"
    "  s3:\n"
    "    userIdentity.userName|fieldref|endswith: requestParameters.user\n"
    "  s4:\n"
    "    errorCode|exists: false\n"
    "    eventSource: null\n"
    "  s5:\n"
    "    requestParameters.n|gt: 3\n"
    "    requestParameters.m: 7\n"
    "  condition: 1 of s*\n"
    "---\n"
    "title: c\nid: c\nlogsource: {product: aws, service: cloudtrail}\n"
    "detection:\n"
    "  a:\n"
    "    eventSource: iam.amazonaws.com\n"
    "  b:\n"
    "    eventName|cased: GetObject\n"
    "    eventSource: s3.amazonaws.com\n"
    "  condition: all of them or b\n";

static struct ruleset set;
static struct fields f;
static struct index idx;

static void
load(void)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	struct rule *r;
	unsigned long line;
	char why[512];

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)rules,
	    sizeof(rules) - 1);
	while (yaml_parser_load(&parser, &doc)) {
		if ((root = yaml_document_get_root_node(&doc)) == NULL) {
			yaml_document_delete(&doc);
			break;
		}
		set.r = realloc(set.r, (set.n + 1) * sizeof(*set.r));
		r = &set.r[set.n++];
		memset(r, 0, sizeof(*r));
		r->file = strdup("fuzz");
		fuzz_check(ll_rule_compile(&set, r, &doc, root, why,
		    sizeof(why), &line) == 0, "rule %zu: %s", set.n, why);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	fuzz_check(set.n == 3, "%zu rules", set.n);
	ll_fields_init(&f);
	ll_rule_bind(&set, &f);
	ll_index_build(&idx, &set, &f);
}

/*
 * Valid JSON that jansson refuses: a key holding \u0000, a number past
 * a double, nesting past its depth.  The walk takes them, as it should.
 */
static int
beyond_jansson(json_error_t *jerr)
{
	enum json_error_code c = json_error_code(jerr);

	return c == json_error_null_byte_in_key ||
	    c == json_error_numeric_overflow ||
	    c == json_error_stack_overflow;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	json_error_t jerr;
	json_t *j;
	size_t i;
	int ok, m;

	if (set.n == 0)
		load();
	ok = ll_fields_scan(&f, p, size) == 0;
	j = ll_json_parse(p, size, &jerr);
	fuzz_check(ok == (j != NULL && json_is_object(j)) ||
	    (j == NULL && beyond_jansson(&jerr)),
	    "walk says %d, jansson %s", ok, j == NULL ? jerr.text :
	    json_is_object(j) ? "an object" : "not an object");
	json_decref(j);
	if (!ok)
		return 0;
	fuzz_check(f.end > 0 && f.end <= size && p[f.end - 1] == '}',
	    "end %zu of %zu", f.end, size);
	ll_index_record(&idx, &f);
	for (i = 0; i < set.n; i++) {
		m = ll_rule_match(&set.r[i], &f);
		fuzz_check(!m || !idx.guarded[i] || idx.stamp[i] == idx.now,
		    "rule %s matches but the index left it out",
		    set.r[i].id);
	}
	return 0;
}
