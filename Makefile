# Log Lake: plain make, one static library linked into every binary.
VERSION = 0.2.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
COMPDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wvla -Wwrite-strings
PKGS = libcurl jansson zlib libarchive libdeflate openssl expat yaml-0.1 \
	libpcre2-8 libzstd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS := $(shell pkg-config --libs $(PKGS))

ifeq ($(SANITIZE),1)
CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
BUILD = build/san
else
BUILD = build/rel
endif

ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 \
	-DLL_VERSION='"$(VERSION)"' $(WARN) $(PKG_CFLAGS) -Ilib $(CFLAGS)

# lib/ is the shared library, grouped by concern in subfolders.  A
# tool is cmd/NAME.c, or a folder cmd/NAME/ holding main.c and the
# modules only that tool uses.
LIB_SRC := $(wildcard lib/*.c lib/*/*.c lib/*/*/*.c)
LIB_HDR := $(wildcard lib/*.h lib/*/*.h lib/*/*/*.h)
LIB_OBJ := $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o)
TOOLS := $(sort $(patsubst cmd/%.c,%,$(wildcard cmd/*.c)) \
	$(patsubst cmd/%/main.c,%,$(wildcard cmd/*/main.c)))
BINS := $(TOOLS:%=$(BUILD)/bin/%)
TOOL_MOD := $(filter-out %/main.c,$(wildcard cmd/*/*.c))
MANS := $(wildcard man/*.[1-9])
SCRIPTS = scripts/ll-pipeline scripts/ll-pipeline-shard scripts/ll-reconcile

all: $(BINS)
	@mkdir -p bin
	@for b in $(BINS); do ln -sf ../$$b bin/; done

$(BUILD)/lib/%.o: lib/%.c $(LIB_HDR) Makefile
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libll.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $(LIB_OBJ)

$(BUILD)/cmd/%.o: cmd/%.c $(LIB_HDR) $(wildcard cmd/*/*.h) Makefile
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

# A tool's objects: its one file, or every .c file in its folder.
tool_objs = $(patsubst cmd/%.c,$(BUILD)/cmd/%.o,$(wildcard cmd/$(1).c cmd/$(1)/*.c))

CMD_OBJ := $(patsubst cmd/%.c,$(BUILD)/cmd/%.o,$(wildcard cmd/*.c cmd/*/*.c))
.SECONDARY: $(CMD_OBJ)

.SECONDEXPANSION:
$(BUILD)/bin/%: $$(call tool_objs,%) $(BUILD)/libll.a
	@mkdir -p $(@D)
	@echo "LD $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $(call tool_objs,$*) $(BUILD)/libll.a \
	    $(LDFLAGS) $(PKG_LIBS) -lm -pthread

check: all
	mandoc -Tlint -Wwarning $(MANS)
	tests/run.sh

conformance: all
	tests/conformance.sh

bench: all
	scripts/dev/bench

soak: all
	scripts/dev/soak-kill $(SOAK_KILLS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(BINS) $(SCRIPTS) $(DESTDIR)$(BINDIR)
	for m in $(MANS); do \
	    s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s; done
	install -d $(DESTDIR)$(COMPDIR)
	install -m 644 scripts/completion/ll $(DESTDIR)$(COMPDIR)/ll
	for b in $(TOOLS) $(SCRIPTS); do \
	    ln -sf ll $(DESTDIR)$(COMPDIR)/$${b##*/}; done

uninstall:
	for b in $(BINS) $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$${b##*/} \
	    $(DESTDIR)$(COMPDIR)/$${b##*/}; done
	rm -f $(DESTDIR)$(COMPDIR)/ll
	for m in $(MANS); do \
	    s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

# Fuzzing with clang's libFuzzer, apart from the normal build: every
# tests/fuzz/fuzz_NAME.c is one target, build/fuzz/fuzz_NAME.  LL_FUZZ
# shrinks the library's buffers so that small inputs cross their edges.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer -DLL_FUZZ \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_OBJ := $(LIB_SRC:lib/%.c=build/fuzz/lib/%.o) \
	$(TOOL_MOD:cmd/%.c=build/fuzz/cmd/%.o) build/fuzz/harness.o

fuzz: $(FUZZ_BINS)

.SECONDARY: $(FUZZ_OBJ)

build/fuzz/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	@echo "CC $< (fuzz)"
	@$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

build/fuzz/cmd/%.o: cmd/%.c $(LIB_HDR) $(wildcard cmd/*/*.h)
	@mkdir -p $(@D)
	@echo "CC $< (fuzz)"
	@$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

build/fuzz/harness.o: tests/fuzz/harness.c tests/fuzz/harness.h $(LIB_HDR)
	@mkdir -p $(@D)
	@$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/harness.h $(FUZZ_OBJ)
	@echo "LD $@"
	@$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(FUZZ_OBJ) $(LDFLAGS) $(PKG_LIBS) -lm

fuzz-run: fuzz
	tests/fuzz/run $(FUZZ_SECONDS)

clean:
	rm -rf build bin

.PHONY: all check conformance bench soak install uninstall clean fuzz fuzz-run
