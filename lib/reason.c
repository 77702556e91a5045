/*
 * The names of the reasons, as --stats writes them: the one table
 * that spells them.
 */
#include <stdlib.h>

#include "reason.h"

static const char *const names[LL_R_NREASONS] = {
	[LL_R_GZIP_CORRUPT] =		"gzip_corrupt",
	[LL_R_GZIP_TRUNCATED] =		"gzip_truncated",
	[LL_R_GZIP_TRAILING_GARBAGE] =	"gzip_trailing_garbage",
	[LL_R_ARCHIVE_CORRUPT] =	"archive_corrupt",
	[LL_R_SIZE_LIMIT] =		"size_limit",
	[LL_R_RATIO_LIMIT] =		"ratio_limit",
	[LL_R_EMPTY_LINE] =		"empty_line",
	[LL_R_RECORD_TOO_LARGE] =	"record_too_large",
	[LL_R_INVALID_JSON] =		"invalid_json",
	[LL_R_NOT_OBJECT] =		"not_object",
	[LL_R_INVALID_UTF8] =		"invalid_utf8",
	[LL_R_NO_ARRAY_AT_PATH] =	"no_array_at_path",
	[LL_R_PARSE_NOT_STRING] =	"parse_not_string",
	[LL_R_PARSE_NOT_JSON] =		"parse_not_json",
	[LL_R_PARSE_BEYOND_LIMITS] =	"parse_beyond_limits",
	[LL_R_FIELD_REPLACED] =		"field_replaced",
	[LL_R_CONTROL_MESSAGE] =	"control_message",
	[LL_R_INVALID_EVENT_TIME] =	"invalid_event_time",
	[LL_R_MISSING_KEY] =		"missing_key",
	[LL_R_BAD_PARTITION_VALUE] =	"bad_partition_value",
	[LL_R_DUPLICATE] =		"duplicate",
	[LL_R_LEFT_KEY_MISSING] =	"left_key_missing",
	[LL_R_LEFT_KEY_NULL] =		"left_key_null",
	[LL_R_RIGHT_KEY_MISSING] =	"right_key_missing",
	[LL_R_RIGHT_KEY_NULL] =		"right_key_null",
	[LL_R_BAD_RECORD] =		"bad_record",
	[LL_R_UNSAFE_KEY] =		"unsafe_key",
	[LL_R_CONFLICT] =		"conflict",
	[LL_R_NOT_A_PARTITION] =	"not_a_partition",
	[LL_R_GLUE_ERROR] =		"glue_error",
	[LL_R_UNREQUESTABLE_KEY] =	"unrequestable_key",
	[LL_R_UNSAFE_SQL] =		"unsafe_sql",
	[LL_R_PARQUET_INPUT] =		"parquet_input",
	[LL_R_PARQUET_REFUSED] =	"parquet_refused",
	[LL_R_PARQUET_VALUE] =		"parquet_value",
	[LL_R_PARQUET_DAMAGED] =	"parquet_damaged",
	[LL_R_NO_TIME] =		"no_time",
	[LL_R_BAD_PUBLIC_KEY] =		"bad_public_key"
};

const char *
ll_reason_name(enum ll_reason r)
{
	if ((unsigned)r >= LL_R_NREASONS || names[r] == NULL)
		abort();	/* a reason without a name is a bug */
	return names[r];
}
