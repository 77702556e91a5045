/*
 * Parquet needs to seek (its footer is at the end), so a file is read
 * where it is; a pipe is first copied to an unnamed temporary file in
 * $TMPDIR, which bounds memory whatever its size.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/afile.h"
#include "io/input.h"
#include "json/jscan.h"
#include "lake/pqlines.h"
#include "lake/pqread.h"
#include "ll.h"
#include "xalloc.h"

struct ll_pqlines {
	struct ll_pqfile *f;
	struct ll_pqcur	*cur;
	char		*name;
	int		 tmpfd;		/* the copy of a pipe, or -1 */
	size_t		 rg;		/* the next row group */
	int		 inrg;
	struct ll_jbuf	 row;
};

/* Copies what IN still holds to an unnamed file; its descriptor. */
static int
spool(struct ll_input *in, const char *name)
{
	char buf[1 << 16];
	ssize_t n, w;
	size_t off;
	int fd;

	fd = ll_afile_unnamed("ll-parquet");
	while ((n = ll_input_read(in, buf, sizeof(buf))) > 0)
		for (off = 0; off < (size_t)n; off += (size_t)w)
			if ((w = write(fd, buf + off, (size_t)n - off)) == -1) {
				if (errno == EINTR) {
					w = 0;
					continue;
				}
				err(LL_EXIT_IO, "copy of %s", name);
			}
	return fd;
}

struct ll_pqlines *
ll_pqlines_open(struct ll_input *in, const char *name)
{
	struct ll_pqlines *p;
	struct stat st;
	char why[256];
	int fd;

	p = xcalloc(1, sizeof(*p));
	p->name = xstrdup(name);
	p->tmpfd = -1;
	fd = ll_input_fd(in);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode))
		fd = p->tmpfd = spool(in, name);
	if ((p->f = ll_pqread_open(name, fd, why, sizeof(why))) == NULL) {
		ll_msg("%s: Parquet: %s", name, why);
		ll_count(LL_R_PARQUET_REFUSED);
		ll_fail(LL_EXIT_REJECT);
		ll_pqlines_close(p);
		return NULL;
	}
	ll_pqread_partition(p->f, name);
	p->cur = ll_pqread_cursor(p->f, NULL);
	return p;
}

/*
 * The next row as one line: 1, with *ROWNO its number from 1; 0 at
 * the end of the file, or after damage that stops it (reported).
 */
int
ll_pqlines_next(struct ll_pqlines *p, const char **line, size_t *len,
    uintmax_t *rowno)
{
	int r;

	for (;;) {
		if (!p->inrg) {
			if (p->rg == ll_pqread_nrowgroups(p->f))
				return 0;
			if (ll_pqread_start(p->cur, p->rg++) == -1)
				break;
			p->inrg = 1;
		}
		if ((r = ll_pqread_next(p->cur)) == 0) {
			p->inrg = 0;
			continue;
		}
		if (r == -1)
			break;
		*rowno = (uintmax_t)ll_pqread_rowno(p->cur);
		p->row.len = 0;
		if (ll_pqread_json(p->cur, &p->row) == 0) {
			*line = p->row.p;
			*len = p->row.len;
			return 1;
		}
		ll_stats.records_in++;
		ll_warnx_at(p->name, *rowno, "Parquet value: %s",
		    ll_pqread_value_error(p->cur));
		ll_reject_end(LL_R_PARQUET_VALUE);
	}
	ll_msg("%s: Parquet: %s; rest of file skipped", p->name,
	    ll_pqread_error(p->cur));
	ll_count(LL_R_PARQUET_DAMAGED);
	ll_fail(LL_EXIT_REJECT);
	p->rg = ll_pqread_nrowgroups(p->f);
	p->inrg = 0;
	return 0;
}

void
ll_pqlines_close(struct ll_pqlines *p)
{
	if (p == NULL)
		return;
	ll_pqread_cursor_free(p->cur);
	ll_pqread_close(p->f);
	if (p->tmpfd != -1)
		(void)close(p->tmpfd);
	ll_jbuf_free(&p->row);
	free(p->name);
	free(p);
}
