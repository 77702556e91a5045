/*
 * Fuzzes the controls-file loader (lib/controls.c) behind ll-filter
 * -C and ll-pipeline.  ll_controls_load() reads a path and ends the
 * program (exit 2) at the first line it does not understand, which is
 * the behaviour the tools want.  To fuzz it in process, this target
 * interposes fopen() and fclose() (the magic path below opens the
 * input from memory) and exit() (while a load is running it jumps
 * back here), and uses the sanitizer's allocation hooks to free what
 * the abandoned load had allocated, so that rejected files cost no
 * memory.
 *
 * Checks: a file that loads has rules, each labelled with the file and
 * line; the checks accept any record and value without crashing and
 * name a rule that exists; a field that is not one is refused (-1);
 * loading the same text twice gives the same rules.
 */
#include <dlfcn.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sanitizer/allocator_interface.h>

#include "harness.h"
#include "json/json.h"
#include "lake/controls.h"
#include "ll.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAGIC	"fuzz-controls"
#define MAXLIVE	65536

static const uint8_t *in;
static size_t insize;
static FILE *infp;
static int armed, overflow;
static jmp_buf back;
static const volatile void *live[MAXLIVE];
static size_t nlive;

static void
on_malloc(const volatile void *p, size_t n)
{
	(void)n;
	if (!armed)
		return;
	if (nlive == MAXLIVE) {
		overflow = 1;
		return;
	}
	live[nlive++] = p;
}

static void
on_free(const volatile void *p)
{
	size_t i;

	if (!armed)
		return;
	for (i = nlive; i-- > 0;)
		if (live[i] == p) {
			live[i] = live[--nlive];
			return;
		}
}

FILE *
fopen(const char *path, const char *mode)
{
	static FILE *(*real)(const char *, const char *);

	if (strcmp(path, MAGIC) == 0) {
		/* fmemopen() refuses an empty buffer; one newline is
		 * the same file to the loader. */
		infp = insize > 0 ? fmemopen((void *)(uintptr_t)in, insize,
		    "r") : fmemopen((void *)(uintptr_t)"\n", 1, "r");
		return infp;
	}
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fopen");
	return real(path, mode);
}

int
fclose(FILE *fp)
{
	static int (*real)(FILE *);

	if (fp == infp)
		infp = NULL;	/* the loader closed it before failing */
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fclose");
	return real(fp);
}

void
exit(int status)
{
	static void (*real)(int);

	if (armed) {
		fuzz_check(status == LL_EXIT_USAGE, "load ended with exit %d",
		    status);
		longjmp(back, 1);
	}
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "exit");
	real(status);
	abort();
}

/* Loads the input; NULL (and nothing left allocated) if refused. */
static struct ll_controls *
load(void)
{
	struct ll_controls *volatile c = NULL;
	size_t i;

	nlive = 0;
	overflow = 0;
	infp = NULL;
	armed = 1;
	if (setjmp(back) == 0)
		c = ll_controls_load(MAGIC);
	else {
		/* Still armed: what fclose() frees leaves the list. */
		if (infp != NULL)
			fclose(infp);	/* unlinks it from stdio's list */
		for (i = 0; i < nlive; i++)
			free((void *)(uintptr_t)live[i]);
		c = NULL;
	}
	armed = 0;
	fuzz_check(!overflow, "more than %d allocations in one load",
	    MAXLIVE);
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *fields[] = { "account", "region", "organization",
	    "eventsource", "eventname", "loggroup", "day" };
	static const char *values[] = { "111122223333", "us-east-1",
	    "o-exampleorg", "ssm.amazonaws.com", "StartSession",
	    "/aws/ssm/sessionlogs", "2026-03-01" };
	static const char rec[] = "{\"eventName\":\"StartSession\","
	    "\"recipientAccountId\":\"111122223333\",\"awsRegion\":"
	    "\"us-east-1\",\"eventTime\":\"2026-03-01T10:00:00Z\","
	    "\"logGroup\":\"/aws/ssm/sessionlogs\",\"timestamp\":"
	    "1772359500000}";
	static int hooked;
	struct ll_controls *c, *d;
	json_error_t jerr;
	json_t *j;
	size_t i, n;
	int r;

	if (!hooked) {
		__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
		hooked = 1;
	}
	in = data;
	insize = size;
	if ((c = load()) == NULL)
		return 0;
	n = ll_controls_nrules(c);
	fuzz_check(n > 0, "loaded without rules");
	for (i = 0; i < n; i++)
		fuzz_check(strncmp(ll_controls_rule(c, i), MAGIC ":",
		    sizeof(MAGIC)) == 0, "rule %zu is labelled %s", i,
		    ll_controls_rule(c, i));
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		r = ll_controls_allows(c, fields[i], values[i]);
		fuzz_check(r == 0 || r == 1, "%s %s: %d", fields[i],
		    values[i], r);
	}
	fuzz_check(ll_controls_allows(c, "bogus", "x") == -1,
	    "a bogus field is allowed or denied");
	j = ll_json_parse(rec, sizeof(rec) - 1, &jerr);
	r = ll_controls_test(c, j);
	fuzz_check(r >= -1 && r < (int)n, "rule %d of %zu", r, n);
	json_decref(j);

	d = load();
	fuzz_check(d != NULL && ll_controls_nrules(d) == n,
	    "a second load differs");
	for (i = 0; i < n; i++)
		fuzz_check(strcmp(ll_controls_rule(c, i),
		    ll_controls_rule(d, i)) == 0, "rule %zu differs", i);
	ll_controls_free(d);
	ll_controls_free(c);
	return 0;
}
