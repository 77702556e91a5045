/*
 * What ll-timeline reads: the tables of a lake, found from its
 * folders (each LAKE/TABLE/ holding KEY=VALUE/ partition folders),
 * their data files within a window of days, and files named on the
 * command line.  Files are sorted by day, table and name, and grouped
 * by day, so that a day can be sorted and written before the next.
 */
#ifndef LL_TL_TABLES_H
#define LL_TL_TABLES_H

#include <stddef.h>
#include <stdint.h>

struct ll_tfile {
	char		*path;
	const char	*table;		/* NULL: guess from the records */
	uint32_t	 trank;		/* the table's place in the order */
	char		 day[11];	/* calendarday, or "" */
	int		 parquet;
};

struct ll_tables {
	char		**names;	/* sorted */
	size_t		 nnames;
	struct ll_tfile	*files;
	size_t		 nfiles;
	size_t		 ngroups;	/* days, or 1 when any file has none */
	size_t		*group;		/* first file of each group, and end */
};

void	ll_tables_lake(struct ll_tables *, const char *, char **, size_t,
	    const char *, const char *);
void	ll_tables_file(struct ll_tables *, const char *, const char *);
void	ll_tables_done(struct ll_tables *);
void	ll_tables_free(struct ll_tables *);

#endif
