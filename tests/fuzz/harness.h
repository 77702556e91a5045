/*
 * Plumbing shared by the libFuzzer targets in tests/fuzz.  A target
 * is one file, fuzz_NAME.c, defining LLVMFuzzerTestOneInput(); it
 * feeds its bytes to the parser through these helpers and checks what
 * comes out, calling fuzz_check() (an abort, so libFuzzer keeps the
 * input) when something is wrong.  harness.c defines
 * LLVMFuzzerInitialize(), which runs ll_init(), points standard output
 * and --reject at memory files.  make fuzz picks the file up by its
 * name; seeds go in tests/fuzz/corpus/NAME/ and extra libFuzzer flags,
 * one a line, in tests/fuzz/fuzz_NAME.options.
 */
#ifndef LL_FUZZ_HARNESS_H
#define LL_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

enum fuzz_feed {
	FEED_FILE,	/* a regular (memory) file: the whole-file paths */
	FEED_PIPE	/* a pipe: the streaming paths */
};

size_t	fuzz_stdin(const uint8_t *, size_t, enum fuzz_feed);
const char *fuzz_output(size_t *);
const char *fuzz_rejects(size_t *);
uintmax_t fuzz_reason(const char *);
void	fuzz_reset(void);
void	fuzz_check(int, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
