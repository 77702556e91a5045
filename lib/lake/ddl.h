/*
 * CREATE statements for a readready table over its location, in the
 * dialects of Athena (Hive DDL), Trino, Spark SQL and DuckDB, for data
 * files in Parquet or gzip JSON lines.  Data files hold every column
 * but the partition columns, which live in the directory names
 * (calendarday=YYYY-MM-DD), as Hive does it.
 */
#ifndef LL_DDL_H
#define LL_DDL_H

#include <stddef.h>

#include "json/jbuf.h"
#include "lake/schema.h"

enum ll_format {
	LL_FMT_PARQUET,
	LL_FMT_JSON
};

enum ll_dialect {
	LL_DDL_ATHENA,
	LL_DDL_TRINO,
	LL_DDL_SPARK,
	LL_DDL_DUCKDB,
	LL_DDL_GLUE
};

int	ll_ddl_dialect(const char *);
int	ll_ddl_ok(const char *);
int	ll_ddl(struct ll_jbuf *, enum ll_dialect, enum ll_format,
	    const struct ll_table *, const char *, const char *, char **,
	    size_t);
void	ll_ddl_projection(struct ll_jbuf *, const char *, const char *,
	    const char *);
int	ll_ddl_add_partition(struct ll_jbuf *, const char *, const char **,
	    const char **, size_t, const char *);

#endif
