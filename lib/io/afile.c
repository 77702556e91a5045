/* Atomic file output: mkstemp beside the target, fsync, rename. */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exit.h"
#include "io/afile.h"
#include "xalloc.h"

/*
 * The temporary names of files open now.  A process that ends through
 * err() or exit() with a file half written (a full disk is the usual
 * cause) removes them at exit, so that neither the space nor a stray
 * temporary outlives it; only the process that made them does (a
 * forked child exits too).  A kill -9 still leaves them, hidden.
 */
static char	**pending;
static size_t	  npending, pendcap;
static pid_t	  pendpid;

static void
unlink_pending(void)
{
	size_t i;

	if (getpid() != pendpid)
		return;
	for (i = 0; i < npending; i++)
		unlink(pending[i]);
}

static void
add_pending(const char *tmp)
{
	if (pendpid == 0) {
		pendpid = getpid();
		if (atexit(unlink_pending) != 0)
			err(LL_EXIT_IO, "atexit");
	}
	if (npending == pendcap) {
		pendcap = pendcap * 2 + 8;
		pending = xreallocarray(pending, pendcap, sizeof(*pending));
	}
	pending[npending++] = xstrdup(tmp);
}

static void
drop_pending(const char *tmp)
{
	size_t i;

	for (i = 0; i < npending; i++)
		if (strcmp(pending[i], tmp) == 0) {
			free(pending[i]);
			pending[i] = pending[--npending];
			return;
		}
}

static char *
dir_of(const char *path)
{
	char *copy, *d;

	copy = xstrdup(path);
	d = xstrdup(dirname(copy));
	free(copy);
	return d;
}

/* Like ll_afile_open, but returns NULL with errno set on failure. */
FILE *
ll_afile_try(struct ll_afile *af, const char *path)
{
	char *copy, *dir;
	int fd;

	copy = xstrdup(path);
	dir = dir_of(path);
	af->tmp = xasprintf("%s/.%s.tmp.XXXXXX", dir, basename(copy));
	free(copy);
	free(dir);
	af->path = xstrdup(path);
	af->fp = NULL;
	if ((fd = mkstemp(af->tmp)) == -1)
		goto fail;
	if (fchmod(fd, 0644) == -1 || (af->fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(af->tmp);
		goto fail;
	}
	add_pending(af->tmp);
	return af->fp;
fail:
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	return NULL;
}

FILE *
ll_afile_open(struct ll_afile *af, const char *path)
{
	FILE *fp;

	if ((fp = ll_afile_try(af, path)) == NULL)
		err(LL_EXIT_IO, "%s", path);
	return fp;
}

/*
 * Makes the file visible under its final name.  On any failure the
 * temporary file is removed and -1 returned with errno set.
 */
int
ll_afile_commit(struct ll_afile *af)
{
	char *dir;
	int saved, r;

	r = -1;
	if (fflush(af->fp) == EOF || fsync(fileno(af->fp)) == -1) {
		saved = errno;
		fclose(af->fp);
		errno = saved;
	} else if (fclose(af->fp) == 0 && rename(af->tmp, af->path) == 0) {
		dir = dir_of(af->path);
		r = ll_afile_syncdir(dir);
		free(dir);
	}
	saved = errno;
	if (r == -1)
		unlink(af->tmp);
	drop_pending(af->tmp);
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	af->fp = NULL;
	errno = saved;
	return r;
}

/*
 * Commits under a name chosen only now (in the same directory), such
 * as one derived from what was written.
 */
int
ll_afile_commit_as(struct ll_afile *af, const char *path)
{
	free(af->path);
	af->path = xstrdup(path);
	return ll_afile_commit(af);
}

void
ll_afile_abort(struct ll_afile *af)
{
	if (af->fp != NULL)
		fclose(af->fp);
	if (af->tmp != NULL) {
		unlink(af->tmp);
		drop_pending(af->tmp);
	}
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	af->fp = NULL;
}

int
ll_afile_syncdir(const char *dir)
{
	int fd, r;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) == -1)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

/* mkdir -p; returns -1 with errno set on failure. */
int
ll_afile_mkdirs(const char *path, int mode)
{
	char *p, *s;

	p = xstrdup(path);
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, mode) == -1 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	if (mkdir(path, mode) == -1 && errno != EEXIST)
		return -1;
	return 0;
}
