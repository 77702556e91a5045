/*
 * Key sidecars of a partition directory.  A sidecar is committed
 * before its data file, so a crash in between leaves a sidecar
 * without data, which the next load removes, and never data whose
 * keys are unknown.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/afile.h"
#include "io/dir.h"
#include "json/jscan.h"
#include "keyidx.h"
#include "ll.h"
#include "partkeys.h"
#include "xalloc.h"

char *ll_partkeys_tag;

static __dead void
fail(const struct ll_partkeys *pk, const char *name)
{
	errx(LL_EXIT_IO, "%s/%s: %s", pk->dir, name, ll_dir_strerror(errno));
}

static void
add_keyfile(struct ll_partkeys *pk, const char *name)
{
	pk->kf = xreallocarray(pk->kf, pk->nkf + 1, sizeof(*pk->kf));
	if (ll_keyidx_file_open(&pk->kf[pk->nkf], pk->dfd, name) == -1)
		fail(pk, name);
	pk->nkf++;
}

/*
 * Whether sidecar .part-HASH.keys has its data file, in either format:
 * keys are keys whatever the format of the rows they stand for.
 */
static int
has_data(const struct ll_partkeys *pk, const char *keys, size_t n)
{
	static const char *const ext[] = { ".parquet", ".json.gz" };
	char *data;
	size_t i;
	int r;

	if (pk->remote != NULL && pk->remote(pk->remote_arg, keys + 6, n - 11))
		return 1;
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		data = xasprintf("%.*s%s", (int)n - 6, keys + 1, ext[i]);
		r = faccessat(pk->dfd, data, F_OK, AT_SYMLINK_NOFOLLOW);
		if (r == -1 && errno != ENOENT)
			fail(pk, data);
		free(data);
		if (r == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether a sidecar without its data file is this run's to remove: a
 * shard leaves another shard's alone, since a sidecar is written before
 * its data file and that shard may be between the two.
 */
static int
own_name(const char *name)
{
	size_t n;

	if (ll_partkeys_tag == NULL)
		return 1;
	n = strlen(ll_partkeys_tag);
	return strncmp(name + 6, ll_partkeys_tag, n) == 0;
}

/* Temporary files of ll_afile: .part-open.EXT.tmp.X, .part-H.keys.tmp.X */
static int
is_tmp(const char *name, void *arg)
{
	(void)arg;
	return ll_dir_is_tmp(name, ".part-", 1);
}

/*
 * Maps the sidecars in the folder DFD (DIR in messages), and removes
 * what killed runs left there: temporary files, and sidecars whose
 * data file never came.  Only regular files are removed.
 */
void
ll_partkeys_load(struct ll_partkeys *pk, int dfd, const char *dir)
{
	struct dirent *de;
	struct stat st;
	unsigned swept;
	DIR *d;
	size_t n;
	int fd;

	pk->dir = dir;
	pk->dfd = dfd;
	if ((swept = ll_dir_sweep(dfd, is_tmp, NULL)) > 0)
		ll_stats_add("temporary_files_removed", swept);
	if ((fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    (d = fdopendir(fd)) == NULL)
		err(LL_EXIT_IO, "%s", dir);
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n < 11 || strncmp(de->d_name, ".part-", 6) != 0 ||
		    strcmp(de->d_name + n - 5, ".keys") != 0)
			continue;
		if (has_data(pk, de->d_name, n))
			add_keyfile(pk, de->d_name);
		else if (!own_name(de->d_name))
			continue;	/* another shard's, maybe being written */
		else if (fstatat(dfd, de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
			errno = S_ISLNK(st.st_mode) ? ELOOP : EINVAL;
			fail(pk, de->d_name);
		} else if (unlinkat(dfd, de->d_name, 0) == 0)
			ll_stats_add("orphan_keys_removed", 1);
		else
			fail(pk, de->d_name);
	}
	closedir(d);
}

/*
 * What a key hashes as: a string its characters (escapes decoded, so
 * "ab\u0063" is "abc"), a number its text behind a 0xff byte, which no
 * UTF-8 string holds, so that 123 and "123" are two keys.
 */
static void
key_hash(struct ll_partkeys *pk, const struct ll_jval *key,
    unsigned char *h)
{
	struct ll_jbuf *b = &pk->scratch;

	if (key->type == LL_JSTR &&
	    memchr(key->p + 1, '\\', key->n - 2) == NULL) {
		ll_keyidx_hash(key->p + 1, key->n - 2, h);
		return;
	}
	b->len = 0;
	if (key->type == LL_JSTR)
		ll_jbuf_addunesc(b, key);
	else {
		ll_jbuf_addc(b, (char)0xff);
		ll_jbuf_add(b, key->p, key->n);
	}
	ll_keyidx_hash(b->p, b->len, h);
}

/*
 * Adds the key of a row to the open file's; returns 0 if the partition
 * has it already.
 */
int
ll_partkeys_add(struct ll_partkeys *pk, const struct ll_jval *key)
{
	unsigned char h[LL_KEYLEN];
	size_t i;

	key_hash(pk, key, h);
	if (ll_keyidx_set_has(&pk->open, h))
		return 0;
	for (i = 0; i < pk->nkf; i++)
		if (ll_keyidx_file_has(&pk->kf[i], h))
			return 0;
	ll_keyidx_set_add(&pk->open, h);
	return 1;
}

/*
 * Commits DATA, the file of the keys added since the last commit, as
 * part-HASH.EXT, its sidecar first, and maps the sidecar.  HASH is the
 * start of the SHA-256 of the sorted keys, left in HEX.  Returns how
 * many keys.
 */
size_t
ll_partkeys_commit(struct ll_partkeys *pk, struct ll_afile *data,
    const char *ext, char hex[21])
{
	const char *tag = ll_partkeys_tag != NULL ? ll_partkeys_tag : "";
	unsigned char md[32];
	char keys[NAME_MAX + 1], path[NAME_MAX + 1];
	size_t n;
	int i;

	n = ll_keyidx_set_seal(&pk->open, md);
	for (i = 0; i < 10; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	/* On the stack: err() below must leave nothing allocated. */
	snprintf(keys, sizeof keys, ".part-%s%s.keys", tag, hex);
	snprintf(path, sizeof path, "part-%s%s%s", tag, hex, ext);
	if (ll_keyidx_set_write(&pk->open, pk->dfd, keys) == -1)
		err(LL_EXIT_IO, "%s/%s", pk->dir, keys);
	if (ll_afile_commit_as(data, path) == -1)
		err(LL_EXIT_IO, "%s/%s", pk->dir, path);
	ll_keyidx_set_free(&pk->open);
	add_keyfile(pk, keys);
	return n;
}

/* Unmaps the sidecars; a file being written must be committed first. */
void
ll_partkeys_unload(struct ll_partkeys *pk)
{
	size_t i;

	for (i = 0; i < pk->nkf; i++)
		ll_keyidx_file_close(&pk->kf[i]);
	free(pk->kf);
	pk->kf = NULL;
	pk->nkf = 0;
	ll_jbuf_free(&pk->scratch);
}
