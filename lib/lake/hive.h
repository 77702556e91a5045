/*
 * The Hive layout of a readready table: LOCATION/TABLE/ holds one
 * directory per partition, KEY=VALUE for each partition key.  Engines
 * (Athena, Trino, Spark, DuckDB) find partition values in these names
 * alone, so the names must be ones they read back unchanged.
 */
#ifndef LL_HIVE_H
#define LL_HIVE_H

#include "json/jscan.h"

int	ll_hive_add(struct ll_jbuf *, const char *, const struct ll_jval *);
char	*ll_hive_location(const char *, const char *, const char *);

#endif
