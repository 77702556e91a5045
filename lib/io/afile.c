/* Atomic file output: a locked temporary beside the target, fsync, rename. */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exit.h"
#include "io/afile.h"
#include "io/dir.h"
#include "xalloc.h"

/*
 * The temporary names of files open now.  A process that ends through
 * err() or exit() with a file half written (a full disk is the usual
 * cause) removes them at exit, so that neither the space nor a stray
 * temporary outlives it; only the process that made them does (a
 * forked child exits too).  A kill -9 still leaves them, hidden and
 * unlocked, for the next run to sweep.
 */
struct pend {
	int	 dfd;
	char	*tmp;
};

static struct pend *pending;
static size_t	    npending, pendcap;
static pid_t	    pendpid;

static void
unlink_pending(void)
{
	size_t i;

	if (getpid() != pendpid)
		return;
	for (i = 0; i < npending; i++)
		unlinkat(pending[i].dfd, pending[i].tmp, 0);
}

static void
add_pending(int dfd, const char *tmp)
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
	pending[npending].dfd = dfd;
	pending[npending++].tmp = xstrdup(tmp);
}

static void
drop_pending(int dfd, const char *tmp)
{
	size_t i;

	for (i = 0; i < npending; i++)
		if (pending[i].dfd == dfd && strcmp(pending[i].tmp, tmp) == 0) {
			free(pending[i].tmp);
			pending[i] = pending[--npending];
			return;
		}
}

/* Matches the temporary names of the file named ARG: .ARG.tmp.XXXXXX. */
int
ll_afile_is_tmp(const char *name, void *arg)
{
	const char *target = arg;

	return name[0] == '.' && strncmp(name + 1, target,
	    strlen(target)) == 0 && ll_dir_is_tmp(name + 1 + strlen(target),
	    "", 0);
}

static void
clear(struct ll_afile *af)
{
	free(af->tmp);
	free(af->name);
	af->tmp = af->name = NULL;
	af->fp = NULL;
	if (af->dfd != -1)
		close(af->dfd);
	af->dfd = -1;
}

/*
 * Starts the file NAME in the folder DFD (which stays the caller's).
 * Returns NULL with errno set on failure.
 */
FILE *
ll_afile_tryat(struct ll_afile *af, int dfd, const char *name)
{
	char tmp[NAME_MAX + 1], *head;
	int fd, saved;

	af->tmp = af->name = NULL;
	af->fp = NULL;
	if ((af->dfd = fcntl(dfd, F_DUPFD_CLOEXEC, 0)) == -1)
		return NULL;
	head = xasprintf(".%s", name);
	fd = ll_dir_tmp(af->dfd, head, 0666, tmp, sizeof(tmp));
	free(head);
	if (fd == -1 || (af->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		if (fd != -1) {
			unlinkat(af->dfd, tmp, 0);
			close(fd);
		}
		clear(af);
		errno = saved;
		return NULL;
	}
	af->name = xstrdup(name);
	af->tmp = xstrdup(tmp);
	add_pending(af->dfd, af->tmp);
	return af->fp;
}

/*
 * Starts the file PATH, whose folder the user named, and first removes
 * what killed runs left of earlier attempts at it.  Returns NULL with
 * errno set on failure.
 */
FILE *
ll_afile_try(struct ll_afile *af, const char *path)
{
	char *dcopy, *bcopy;
	FILE *fp = NULL;
	int dfd, saved;

	dcopy = xstrdup(path);
	bcopy = xstrdup(path);
	if ((dfd = open(dirname(dcopy), O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) != -1) {
		(void)ll_dir_sweep(dfd, ll_afile_is_tmp, basename(bcopy));
		fp = ll_afile_tryat(af, dfd, basename(bcopy));
		saved = errno;
		close(dfd);
		errno = saved;
	} else
		af->dfd = -1;
	free(dcopy);
	free(bcopy);
	return fp;
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
 * Makes the file visible under its final name.  It is renamed while
 * still open, so its lock holds until it has its name.  On any
 * failure the temporary file is removed and -1 returned with errno set.
 */
int
ll_afile_commit(struct ll_afile *af)
{
	int saved, r = -1;

	if (fflush(af->fp) != EOF && fsync(fileno(af->fp)) == 0 &&
	    renameat(af->dfd, af->tmp, af->dfd, af->name) == 0 &&
	    fsync(af->dfd) == 0)
		r = 0;
	saved = errno;
	if (fclose(af->fp) == EOF && r == 0) {
		r = -1;
		saved = errno;
	}
	if (r == -1)
		unlinkat(af->dfd, af->tmp, 0);
	drop_pending(af->dfd, af->tmp);
	clear(af);
	errno = saved;
	return r;
}

/*
 * Commits under a name chosen only now, in the same folder, such as
 * one derived from what was written.
 */
int
ll_afile_commit_as(struct ll_afile *af, const char *name)
{
	free(af->name);
	af->name = xstrdup(name);
	return ll_afile_commit(af);
}

void
ll_afile_abort(struct ll_afile *af)
{
	if (af->fp != NULL)
		fclose(af->fp);
	if (af->tmp != NULL) {
		unlinkat(af->dfd, af->tmp, 0);
		drop_pending(af->dfd, af->tmp);
	}
	clear(af);
}

/* mkdir -p of a folder the user named (ll_dir_mkdirs). */
int
ll_afile_mkdirs(const char *path, int mode)
{
	return ll_dir_mkdirs(path, (mode_t)mode);
}

/*
 * A temporary file with no name, for spooling: made in $TMPDIR (/tmp
 * when unset) as TAG.XXXXXX and unlinked at once, so nothing is left
 * however the process ends.  Its descriptor; exits 3 on failure.
 */
int
ll_afile_unnamed(const char *tag)
{
	const char *dir;
	char *path;
	int fd;

	if ((dir = getenv("TMPDIR")) == NULL || *dir == '\0')
		dir = "/tmp";
	path = xasprintf("%s/%s.XXXXXX", dir, tag);
	if ((fd = mkstemp(path)) == -1)
		err(LL_EXIT_IO, "%s", path);
	(void)unlink(path);
	free(path);
	return fd;
}
