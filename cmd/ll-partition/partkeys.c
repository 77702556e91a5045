/*
 * Key sidecars of a partition directory.  A sidecar is committed
 * before its data file, so a crash in between leaves a sidecar
 * without data, which the next load removes, and never data whose
 * keys are unknown.
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/afile.h"
#include "json/jscan.h"
#include "keyidx.h"
#include "ll.h"
#include "partkeys.h"
#include "xalloc.h"

static void
add_keyfile(struct ll_partkeys *pk, const char *path)
{
	pk->kf = xreallocarray(pk->kf, pk->nkf + 1, sizeof(*pk->kf));
	if (ll_keyidx_file_open(&pk->kf[pk->nkf], path) == -1)
		err(LL_EXIT_IO, "%s", path);
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
		data = xasprintf("%s/%.*s%s", pk->dir, (int)n - 6, keys + 1,
		    ext[i]);
		r = access(data, F_OK);
		if (r == -1 && errno != ENOENT)
			err(LL_EXIT_IO, "%s", data);
		free(data);
		if (r == 0)
			return 1;
	}
	return 0;
}

/* Maps the sidecars in DIR, which must exist; removes crash leftovers. */
void
ll_partkeys_load(struct ll_partkeys *pk, const char *dir)
{
	struct dirent *de;
	DIR *d;
	char *path;
	size_t n;

	pk->dir = dir;
	if ((d = opendir(dir)) == NULL)
		err(LL_EXIT_IO, "%s", dir);
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n < 11 || strncmp(de->d_name, ".part-", 6) != 0 ||
		    strcmp(de->d_name + n - 5, ".keys") != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (has_data(pk, de->d_name, n))
			add_keyfile(pk, path);
		else if (unlink(path) == 0)
			ll_stats_add("orphan_keys_removed", 1);
		else
			err(LL_EXIT_IO, "%s", path);
		free(path);
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
	unsigned char md[32];
	char *keys, *path;
	size_t n;
	int i;

	n = ll_keyidx_set_seal(&pk->open, md);
	for (i = 0; i < 10; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	keys = xasprintf("%s/.part-%s.keys", pk->dir, hex);
	path = xasprintf("%s/part-%s%s", pk->dir, hex, ext);
	if (ll_keyidx_set_write(&pk->open, keys) == -1)
		err(LL_EXIT_IO, "%s", keys);
	if (ll_afile_commit_as(data, path) == -1)
		err(LL_EXIT_IO, "%s", path);
	ll_keyidx_set_free(&pk->open);
	add_keyfile(pk, keys);
	free(keys);
	free(path);
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
