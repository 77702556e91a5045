/*
 * Every dialect quotes every identifier, because the schema has
 * names ("timestamp", "owner") that some engines reserve.  String
 * literals follow each dialect's rules: Hive (Athena's DDL) and Spark
 * read backslash escapes, so a backslash and a quote are escaped with
 * one; Trino and DuckDB take backslashes as they are and double a
 * quote.  No dialect gets a control character: a value holding one is
 * refused before anything is written.  "glue" is not SQL but the
 * TableInput of Glue's CreateTable, for catalogs kept without Athena.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lake/ddl.h"
#include "json/jbuf.h"
#include "lake/schema.h"
#include "xalloc.h"

/* Hive's names for the two storage formats. */
#define HIVE_PQ	"org.apache.hadoop.hive.ql.io.parquet."
#define PQ_SERDE HIVE_PQ "serde.ParquetHiveSerDe"
#define PQ_IN	HIVE_PQ "MapredParquetInputFormat"
#define PQ_OUT	HIVE_PQ "MapredParquetOutputFormat"
#define JS_SERDE "org.openx.data.jsonserde.JsonSerDe"
#define JS_IN	"org.apache.hadoop.mapred.TextInputFormat"
#define JS_OUT	"org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

static const char *const dialects[] = { "athena", "trino", "spark",
    "duckdb", "glue" };

int
ll_ddl_dialect(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(dialects) / sizeof(dialects[0]); i++)
		if (strcmp(name, dialects[i]) == 0)
			return (int)i;
	return -1;
}

static void
ident(struct ll_jbuf *b, enum ll_dialect d, const char *s, size_t n)
{
	char q = d == LL_DDL_TRINO || d == LL_DDL_DUCKDB ? '"' : '`';
	size_t i;

	ll_jbuf_addc(b, q);
	for (i = 0; i < n; i++) {
		if (s[i] == q)
			ll_jbuf_addc(b, q);
		ll_jbuf_addc(b, s[i]);
	}
	ll_jbuf_addc(b, q);
}

/* A possibly qualified name: db.table becomes `db`.`table`. */
static void
qname(struct ll_jbuf *b, enum ll_dialect d, const char *name)
{
	const char *dot;

	while ((dot = strchr(name, '.')) != NULL) {
		ident(b, d, name, (size_t)(dot - name));
		ll_jbuf_addc(b, '.');
		name = dot + 1;
	}
	ident(b, d, name, strlen(name));
}

/* Whether S may be written into a statement: no control character. */
int
ll_ddl_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* The inside of a string literal holding S, escaped for dialect D. */
static void
literal_body(struct ll_jbuf *b, enum ll_dialect d, const char *s)
{
	int hive = d == LL_DDL_ATHENA || d == LL_DDL_SPARK;

	for (; *s != '\0'; s++) {
		if (hive && (*s == '\\' || *s == '\''))
			ll_jbuf_addc(b, '\\');
		else if (*s == '\'')
			ll_jbuf_addc(b, '\'');
		ll_jbuf_addc(b, *s);
	}
}

static void
literal(struct ll_jbuf *b, enum ll_dialect d, const char *s)
{
	ll_jbuf_addc(b, '\'');
	literal_body(b, d, s);
	ll_jbuf_addc(b, '\'');
}

/*
 * A column type in each dialect.  Timestamps are instants in UTC to
 * the millisecond: Trino's timestamp(3), and DuckDB's TIMESTAMPTZ,
 * which is what DuckDB makes of a Parquet TIMESTAMP adjusted to UTC,
 * so that a table reads the same from JSON lines as from Parquet.
 */
static const char *
type(enum ll_dialect d, enum ll_ctype t)
{
	static const char *const names[][4] = {
		{ "string", "boolean", "bigint", "timestamp" },
		{ "varchar", "boolean", "bigint", "timestamp(3)" },
		{ "STRING", "BOOLEAN", "BIGINT", "TIMESTAMP" },
		{ "VARCHAR", "BOOLEAN", "BIGINT", "TIMESTAMPTZ" },
		{ "string", "boolean", "bigint", "timestamp" }
	};

	return names[d][t];
}

static int
is_pkey(const char *name, char **pkeys, size_t npkeys)
{
	size_t i;

	for (i = 0; i < npkeys; i++)
		if (strcmp(name, pkeys[i]) == 0)
			return 1;
	return 0;
}

/* The data columns, one per line, in schema order. */
static void
columns(struct ll_jbuf *b, enum ll_dialect d, const struct ll_table *t,
    char **pkeys, size_t npkeys, const char *sep, int last_comma)
{
	size_t i, left;

	for (left = 0, i = 0; i < t->ncols; i++)
		left += !is_pkey(t->cols[i].name, pkeys, npkeys);
	for (i = 0; i < t->ncols; i++) {
		if (is_pkey(t->cols[i].name, pkeys, npkeys))
			continue;
		ll_jbuf_adds(b, d == LL_DDL_DUCKDB ? "    " : "  ");
		if (d == LL_DDL_DUCKDB)
			literal(b, d, t->cols[i].name);
		else
			ident(b, d, t->cols[i].name, strlen(t->cols[i].name));
		ll_jbuf_adds(b, sep);
		if (d == LL_DDL_DUCKDB)
			literal(b, d, type(d, t->cols[i].type));
		else
			ll_jbuf_adds(b, type(d, t->cols[i].type));
		ll_jbuf_adds(b, --left > 0 || last_comma ? ",\n" : "\n");
	}
}

static void
pkey_list(struct ll_jbuf *b, enum ll_dialect d, char **pkeys, size_t npkeys,
    int typed)
{
	size_t i;

	for (i = 0; i < npkeys; i++) {
		if (i > 0)
			ll_jbuf_adds(b, ", ");
		if (d == LL_DDL_TRINO)
			literal(b, d, pkeys[i]);
		else
			ident(b, d, pkeys[i], strlen(pkeys[i]));
		if (typed) {
			ll_jbuf_addc(b, ' ');
			ll_jbuf_adds(b, type(d, LL_CT_STRING));
		}
	}
}

/* The Glue CreateTable TableInput, the same table as Athena's DDL. */
static void
glue(struct ll_jbuf *b, enum ll_format f, const struct ll_table *t,
    const char *name, const char *location, char **pkeys, size_t npkeys)
{
	json_t *in, *cols, *keys, *sd;
	size_t i;
	char *text;

	cols = json_array();
	for (i = 0; i < t->ncols; i++)
		if (!is_pkey(t->cols[i].name, pkeys, npkeys))
			json_array_append_new(cols, json_pack("{s:s, s:s}",
			    "Name", t->cols[i].name, "Type",
			    type(LL_DDL_ATHENA, t->cols[i].type)));
	keys = json_array();
	for (i = 0; i < npkeys; i++)
		json_array_append_new(keys, json_pack("{s:s, s:s}", "Name",
		    pkeys[i], "Type", "string"));
	if (f == LL_FMT_PARQUET)
		sd = json_pack("{s:o, s:s, s:s, s:s, s:b, s:{s:s, s:{s:s}}}",
		    "Columns", cols, "Location", location, "InputFormat",
		    PQ_IN, "OutputFormat", PQ_OUT, "Compressed", 0,
		    "SerdeInfo", "SerializationLibrary", PQ_SERDE,
		    "Parameters", "serialization.format", "1");
	else
		sd = json_pack("{s:o, s:s, s:s, s:s, s:b, s:{s:s}}",
		    "Columns", cols, "Location", location, "InputFormat",
		    JS_IN, "OutputFormat", JS_OUT, "Compressed", 1,
		    "SerdeInfo", "SerializationLibrary", JS_SERDE);
	in = json_pack("{s:s, s:s, s:o, s:o, s:o}", "Name", name,
	    "TableType", "EXTERNAL_TABLE", "Parameters",
	    f == LL_FMT_PARQUET ? json_pack("{s:s}", "classification",
	    "parquet") : json_pack("{s:s, s:s}", "classification", "json",
	    "compressionType", "gzip"), "PartitionKeys", keys,
	    "StorageDescriptor", sd);
	text = json_dumps(in, JSON_COMPACT);
	ll_jbuf_adds(b, text);
	ll_jbuf_addc(b, '\n');
	free(text);
	json_decref(in);
}

static void
athena(struct ll_jbuf *b, enum ll_format f, const struct ll_table *t,
    const char *name, const char *location, char **pkeys, size_t npkeys)
{
	ll_jbuf_adds(b, "CREATE EXTERNAL TABLE IF NOT EXISTS ");
	qname(b, LL_DDL_ATHENA, name);
	ll_jbuf_adds(b, " (\n");
	columns(b, LL_DDL_ATHENA, t, pkeys, npkeys, " ", 0);
	ll_jbuf_adds(b, ")\nPARTITIONED BY (");
	pkey_list(b, LL_DDL_ATHENA, pkeys, npkeys, 1);
	if (f == LL_FMT_PARQUET)
		ll_jbuf_adds(b, ")\nSTORED AS PARQUET\nLOCATION ");
	else
		ll_jbuf_adds(b, ")\nROW FORMAT SERDE '" JS_SERDE "'\n"
		    "STORED AS INPUTFORMAT '" JS_IN "'\n"
		    "  OUTPUTFORMAT '" JS_OUT "'\nLOCATION ");
	literal(b, LL_DDL_ATHENA, location);
	if (f == LL_FMT_PARQUET)
		ll_jbuf_adds(b, "\nTBLPROPERTIES ('classification' = "
		    "'parquet');\n");
	else
		ll_jbuf_adds(b, "\nTBLPROPERTIES ('classification' = 'json', "
		    "'compressionType' = 'gzip');\n");
}

/* Trino and Spark list the partition columns last, with the others. */
static void
trino_spark(struct ll_jbuf *b, enum ll_dialect d, enum ll_format f,
    const struct ll_table *t, const char *name, const char *location,
    char **pkeys, size_t npkeys)
{
	size_t i;

	ll_jbuf_adds(b, "CREATE TABLE IF NOT EXISTS ");
	qname(b, d, name);
	ll_jbuf_adds(b, " (\n");
	columns(b, d, t, pkeys, npkeys, " ", 1);
	for (i = 0; i < npkeys; i++) {
		ll_jbuf_adds(b, "  ");
		ident(b, d, pkeys[i], strlen(pkeys[i]));
		ll_jbuf_addc(b, ' ');
		ll_jbuf_adds(b, type(d, LL_CT_STRING));
		ll_jbuf_adds(b, i + 1 < npkeys ? ",\n" : "\n");
	}
	if (d == LL_DDL_TRINO) {
		ll_jbuf_adds(b, f == LL_FMT_PARQUET ? ")\nWITH (\n"
		    "  format = 'PARQUET',\n" : ")\nWITH (\n"
		    "  format = 'JSON',\n");
		ll_jbuf_adds(b, "  partitioned_by = ARRAY[");
		pkey_list(b, d, pkeys, npkeys, 0);
		ll_jbuf_adds(b, "],\n  external_location = ");
		literal(b, d, location);
		ll_jbuf_adds(b, "\n);\n");
		return;
	}
	ll_jbuf_adds(b, f == LL_FMT_PARQUET ? ")\nUSING parquet\n" :
	    ")\nUSING json\n");
	ll_jbuf_adds(b, "PARTITIONED BY (");
	pkey_list(b, d, pkeys, npkeys, 0);
	ll_jbuf_adds(b, ")\nLOCATION ");
	literal(b, d, location);
	ll_jbuf_adds(b, ";\n");
}

/*
 * The location as a DuckDB file glob: its own '*', '?' and '[' are
 * matched literally (as "[*]" and so on).  A backslash no DuckDB glob
 * can match, so ll_ddl() refuses one.
 */
static void
glob_body(struct ll_jbuf *b, const char *s)
{
	char c[2] = { 0, 0 };

	for (; *s != '\0'; s++) {
		c[0] = *s;
		if (*s == '*' || *s == '?' || *s == '[') {
			ll_jbuf_addc(b, '[');
			literal_body(b, LL_DDL_DUCKDB, c);
			ll_jbuf_addc(b, ']');
		} else
			literal_body(b, LL_DDL_DUCKDB, c);
	}
}

/*
 * DuckDB reads the files in place.  Parquet files carry their own
 * schema; JSON lines get the column list, so that every column has
 * its type even where a file holds only nulls.
 */
static void
duckdb(struct ll_jbuf *b, enum ll_format f, const struct ll_table *t,
    const char *name, const char *location, char **pkeys, size_t npkeys)
{
	size_t i;

	ll_jbuf_adds(b, "CREATE OR REPLACE VIEW ");
	qname(b, LL_DDL_DUCKDB, name);
	ll_jbuf_adds(b, f == LL_FMT_PARQUET ? " AS\nSELECT * FROM "
	    "read_parquet('" : " AS\nSELECT * FROM read_json('");
	glob_body(b, location);
	for (i = 0; i < npkeys; i++)
		ll_jbuf_adds(b, "*/");
	if (f == LL_FMT_PARQUET)
		ll_jbuf_adds(b, "*.parquet',\n");
	else
		ll_jbuf_adds(b, "*.json.gz',\n  format = 'newline_delimited',\n"
		    "  compression = 'gzip',\n");
	ll_jbuf_adds(b, "  hive_partitioning = true,\n  hive_types = {");
	for (i = 0; i < npkeys; i++) {
		if (i > 0)
			ll_jbuf_adds(b, ", ");
		literal(b, LL_DDL_DUCKDB, pkeys[i]);
		ll_jbuf_adds(b, ": 'VARCHAR'");
	}
	if (f == LL_FMT_PARQUET) {
		ll_jbuf_adds(b, "});\n");
		return;
	}
	ll_jbuf_adds(b, "},\n  columns = {\n");
	columns(b, LL_DDL_DUCKDB, t, pkeys, npkeys, ": ", 0);
	ll_jbuf_adds(b, "  });\n");
}

/*
 * Appends the CREATE statement.  Returns -1, writing nothing, when the
 * name, location or a partition key holds a control character, or a
 * DuckDB location a backslash.
 */
int
ll_ddl(struct ll_jbuf *b, enum ll_dialect d, enum ll_format f,
    const struct ll_table *t, const char *name, const char *location,
    char **pkeys, size_t npkeys)
{
	size_t i;

	if (!ll_ddl_ok(name) || !ll_ddl_ok(location) ||
	    (d == LL_DDL_DUCKDB && strchr(location, '\\') != NULL))
		return -1;
	for (i = 0; i < npkeys; i++)
		if (!ll_ddl_ok(pkeys[i]))
			return -1;
	switch (d) {
	case LL_DDL_ATHENA:
		athena(b, f, t, name, location, pkeys, npkeys);
		break;
	case LL_DDL_TRINO:
	case LL_DDL_SPARK:
		trino_spark(b, d, f, t, name, location, pkeys, npkeys);
		break;
	case LL_DDL_GLUE:
		glue(b, f, t, name, location, pkeys, npkeys);
		break;
	case LL_DDL_DUCKDB:
		duckdb(b, f, t, name, location, pkeys, npkeys);
		break;
	}
	return 0;
}

/*
 * One Athena (Hive) statement registering a partition at LOCATION.
 * Returns -1, writing nothing, when a value holds a control character.
 */
int
ll_ddl_add_partition(struct ll_jbuf *b, const char *table, const char **keys,
    const char **vals, size_t n, const char *location)
{
	size_t i;

	if (!ll_ddl_ok(table) || !ll_ddl_ok(location))
		return -1;
	for (i = 0; i < n; i++)
		if (!ll_ddl_ok(keys[i]) || !ll_ddl_ok(vals[i]))
			return -1;
	ll_jbuf_adds(b, "ALTER TABLE ");
	qname(b, LL_DDL_ATHENA, table);
	ll_jbuf_adds(b, " ADD IF NOT EXISTS PARTITION (");
	for (i = 0; i < n; i++) {
		if (i > 0)
			ll_jbuf_adds(b, ", ");
		ident(b, LL_DDL_ATHENA, keys[i], strlen(keys[i]));
		ll_jbuf_adds(b, " = ");
		literal(b, LL_DDL_ATHENA, vals[i]);
	}
	ll_jbuf_adds(b, ") LOCATION ");
	literal(b, LL_DDL_ATHENA, location);
	ll_jbuf_addc(b, ';');
	return 0;
}

/*
 * Turns the Athena statement just written into B (it ends with its
 * TBLPROPERTIES list, ");\n") into one that uses partition projection
 * for KEY, a day: Athena then computes the partitions from FROM to
 * today and the LOCATION template instead of asking the catalog, so
 * no partition need ever be registered.  Other engines ignore these
 * properties.
 */
void
ll_ddl_projection(struct ll_jbuf *b, const char *location, const char *key,
    const char *from)
{
	char *tmpl;

	if (b->len < 3 || memcmp(b->p + b->len - 3, ");\n", 3) != 0)
		return;
	b->len -= 3;
	ll_jbuf_adds(b, ",\n  'projection.enabled' = 'true',\n  'projection.");
	ll_jbuf_adds(b, key);
	ll_jbuf_adds(b, ".type' = 'date',\n  'projection.");
	ll_jbuf_adds(b, key);
	ll_jbuf_adds(b, ".format' = 'yyyy-MM-dd',\n  'projection.");
	ll_jbuf_adds(b, key);
	ll_jbuf_adds(b, ".range' = '");
	ll_jbuf_adds(b, from);
	ll_jbuf_adds(b, ",NOW',\n  'projection.");
	ll_jbuf_adds(b, key);
	ll_jbuf_adds(b, ".interval' = '1',\n  'projection.");
	ll_jbuf_adds(b, key);
	ll_jbuf_adds(b, ".interval.unit' = 'DAYS',\n"
	    "  'storage.location.template' = ");
	tmpl = xasprintf("%s%s=${%s}/", location, key, key);
	literal(b, LL_DDL_ATHENA, tmpl);
	free(tmpl);
	ll_jbuf_adds(b, ");\n");
}
