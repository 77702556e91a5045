/*
 * Every dialect quotes every identifier, because the schema has
 * names ("timestamp", "owner") that some engines reserve.  "glue" is
 * not SQL but the TableInput of Glue's CreateTable, for catalogs kept
 * without Athena.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ddl.h"
#include "jscan.h"
#include "schema.h"

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

static void
literal(struct ll_jbuf *b, const char *s)
{
	ll_jbuf_addc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			ll_jbuf_addc(b, '\'');
		ll_jbuf_addc(b, *s);
	}
	ll_jbuf_addc(b, '\'');
}

static const char *
type(enum ll_dialect d, enum ll_ctype t)
{
	static const char *const names[][3] = {
		{ "string", "boolean", "bigint" },
		{ "varchar", "boolean", "bigint" },
		{ "STRING", "BOOLEAN", "BIGINT" },
		{ "VARCHAR", "BOOLEAN", "BIGINT" },
		{ "string", "boolean", "bigint" }
	};

	return names[d][t == LL_CT_BOOLEAN ? 1 : t == LL_CT_BIGINT ? 2 : 0];
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
			literal(b, t->cols[i].name);
		else
			ident(b, d, t->cols[i].name, strlen(t->cols[i].name));
		ll_jbuf_adds(b, sep);
		if (d == LL_DDL_DUCKDB)
			literal(b, type(d, t->cols[i].type));
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
			literal(b, pkeys[i]);
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
glue(struct ll_jbuf *b, const struct ll_table *t, const char *name,
    const char *location, char **pkeys, size_t npkeys)
{
	json_t *in, *cols, *keys;
	size_t i, n;
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
	in = json_pack("{s:s, s:s, s:{s:s, s:s}, s:o, s:{s:o, s:s, s:s, "
	    "s:s, s:b, s:{s:s}}}", "Name", name, "TableType", "EXTERNAL_TABLE",
	    "Parameters", "classification", "json", "compressionType", "gzip",
	    "PartitionKeys", keys, "StorageDescriptor", "Columns", cols,
	    "Location", location, "InputFormat",
	    "org.apache.hadoop.mapred.TextInputFormat", "OutputFormat",
	    "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
	    "Compressed", 1, "SerdeInfo", "SerializationLibrary",
	    "org.openx.data.jsonserde.JsonSerDe");
	text = json_dumps(in, JSON_COMPACT);
	n = strlen(text);
	ll_jbuf_add(b, text, n);
	ll_jbuf_addc(b, '\n');
	free(text);
	json_decref(in);
}

void
ll_ddl(struct ll_jbuf *b, enum ll_dialect d, const struct ll_table *t,
    const char *name, const char *location, char **pkeys, size_t npkeys)
{
	size_t i;

	switch (d) {
	case LL_DDL_ATHENA:
		ll_jbuf_adds(b, "CREATE EXTERNAL TABLE IF NOT EXISTS ");
		qname(b, d, name);
		ll_jbuf_adds(b, " (\n");
		columns(b, d, t, pkeys, npkeys, " ", 0);
		ll_jbuf_adds(b, ")\nPARTITIONED BY (");
		pkey_list(b, d, pkeys, npkeys, 1);
		ll_jbuf_adds(b, ")\nROW FORMAT SERDE "
		    "'org.openx.data.jsonserde.JsonSerDe'\n"
		    "STORED AS INPUTFORMAT "
		    "'org.apache.hadoop.mapred.TextInputFormat'\n"
		    "  OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io."
		    "HiveIgnoreKeyTextOutputFormat'\nLOCATION ");
		literal(b, location);
		ll_jbuf_adds(b, "\nTBLPROPERTIES ('classification' = 'json', "
		    "'compressionType' = 'gzip');\n");
		break;
	case LL_DDL_TRINO:
		ll_jbuf_adds(b, "CREATE TABLE IF NOT EXISTS ");
		qname(b, d, name);
		ll_jbuf_adds(b, " (\n");
		columns(b, d, t, pkeys, npkeys, " ", 1);
		for (i = 0; i < npkeys; i++) {
			ll_jbuf_adds(b, "  ");
			ident(b, d, pkeys[i], strlen(pkeys[i]));
			ll_jbuf_adds(b, " varchar");
			ll_jbuf_adds(b, i + 1 < npkeys ? ",\n" : "\n");
		}
		ll_jbuf_adds(b, ")\nWITH (\n  format = 'JSON',\n"
		    "  partitioned_by = ARRAY[");
		pkey_list(b, d, pkeys, npkeys, 0);
		ll_jbuf_adds(b, "],\n  external_location = ");
		literal(b, location);
		ll_jbuf_adds(b, "\n);\n");
		break;
	case LL_DDL_SPARK:
		ll_jbuf_adds(b, "CREATE TABLE IF NOT EXISTS ");
		qname(b, d, name);
		ll_jbuf_adds(b, " (\n");
		columns(b, d, t, pkeys, npkeys, " ", 1);
		for (i = 0; i < npkeys; i++) {
			ll_jbuf_adds(b, "  ");
			ident(b, d, pkeys[i], strlen(pkeys[i]));
			ll_jbuf_adds(b, " STRING");
			ll_jbuf_adds(b, i + 1 < npkeys ? ",\n" : "\n");
		}
		ll_jbuf_adds(b, ")\nUSING json\nPARTITIONED BY (");
		pkey_list(b, d, pkeys, npkeys, 0);
		ll_jbuf_adds(b, ")\nLOCATION ");
		literal(b, location);
		ll_jbuf_adds(b, ";\n");
		break;
	case LL_DDL_GLUE:
		glue(b, t, name, location, pkeys, npkeys);
		break;
	case LL_DDL_DUCKDB:
		ll_jbuf_adds(b, "CREATE OR REPLACE VIEW ");
		qname(b, d, name);
		ll_jbuf_adds(b, " AS\nSELECT * FROM read_json(");
		ll_jbuf_addc(b, '\'');
		for (; *location != '\0'; location++) {
			if (*location == '\'')
				ll_jbuf_addc(b, '\'');
			ll_jbuf_addc(b, *location);
		}
		for (i = 0; i < npkeys; i++)
			ll_jbuf_adds(b, "*/");
		ll_jbuf_adds(b, "*.json.gz',\n  format = 'newline_delimited',\n"
		    "  compression = 'gzip',\n  hive_partitioning = true,\n"
		    "  hive_types = {");
		for (i = 0; i < npkeys; i++) {
			if (i > 0)
				ll_jbuf_adds(b, ", ");
			literal(b, pkeys[i]);
			ll_jbuf_adds(b, ": 'VARCHAR'");
		}
		ll_jbuf_adds(b, "},\n  columns = {\n");
		columns(b, d, t, pkeys, npkeys, ": ", 0);
		ll_jbuf_adds(b, "  });\n");
		break;
	}
}

/* One Athena (Hive) statement registering a partition at LOCATION. */
void
ll_ddl_add_partition(struct ll_jbuf *b, const char *table, const char **keys,
    const char **vals, size_t n, const char *location)
{
	size_t i;

	ll_jbuf_adds(b, "ALTER TABLE ");
	qname(b, LL_DDL_ATHENA, table);
	ll_jbuf_adds(b, " ADD IF NOT EXISTS PARTITION (");
	for (i = 0; i < n; i++) {
		if (i > 0)
			ll_jbuf_adds(b, ", ");
		ident(b, LL_DDL_ATHENA, keys[i], strlen(keys[i]));
		ll_jbuf_adds(b, " = ");
		literal(b, vals[i]);
	}
	ll_jbuf_adds(b, ") LOCATION ");
	literal(b, location);
	ll_jbuf_addc(b, ';');
}
