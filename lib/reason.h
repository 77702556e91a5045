/*
 * The reasons a tool counts under "reasons" in --stats: why a record
 * or an object was rejected, or left out on purpose.  One enumeration
 * with one name each, the same in every tool, so that a run can be
 * reconciled by name; ll(7) lists them.  A new reason is added here
 * and in lib/reason.c, never spelled as a string at the call.
 */
#ifndef LL_REASON_H
#define LL_REASON_H

enum ll_reason {
	/* A raw object that is damaged or too big (lib/io/input.c). */
	LL_R_GZIP_CORRUPT,
	LL_R_GZIP_TRUNCATED,
	LL_R_GZIP_TRAILING_GARBAGE,
	LL_R_ARCHIVE_CORRUPT,
	LL_R_SIZE_LIMIT,
	LL_R_RATIO_LIMIT,
	/* A line that is no record. */
	LL_R_EMPTY_LINE,
	LL_R_RECORD_TOO_LARGE,
	LL_R_INVALID_JSON,
	LL_R_NOT_OBJECT,
	LL_R_INVALID_UTF8,
	/* Splitting documents (ll-splitjson). */
	LL_R_NO_ARRAY_AT_PATH,
	LL_R_PARSE_NOT_STRING,
	LL_R_PARSE_NOT_JSON,
	LL_R_PARSE_BEYOND_LIMITS,
	LL_R_FIELD_REPLACED,
	/* Flattening records into rows. */
	LL_R_CONTROL_MESSAGE,
	LL_R_INVALID_EVENT_TIME,
	/* Writing rows into partitions. */
	LL_R_MISSING_KEY,
	LL_R_BAD_PARTITION_VALUE,
	LL_R_DUPLICATE,
	/* Joining. */
	LL_R_LEFT_KEY_MISSING,
	LL_R_LEFT_KEY_NULL,
	LL_R_RIGHT_KEY_MISSING,
	LL_R_RIGHT_KEY_NULL,
	/* Fetching and registering. */
	LL_R_BAD_RECORD,
	LL_R_UNSAFE_KEY,
	LL_R_CONFLICT,
	LL_R_NOT_A_PARTITION,
	LL_R_GLUE_ERROR,
	LL_R_UNREQUESTABLE_KEY,
	LL_R_UNSAFE_SQL,
	/* Reading Parquet (ll-timeline, lib/lake/pqlines). */
	LL_R_PARQUET_INPUT,
	LL_R_PARQUET_REFUSED,
	LL_R_PARQUET_VALUE,
	LL_R_PARQUET_DAMAGED,
	LL_R_NO_TIME,
	/* Verifying (ll-verify). */
	LL_R_BAD_PUBLIC_KEY,
	LL_R_NREASONS
};

const char *ll_reason_name(enum ll_reason);

#endif
