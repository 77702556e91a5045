// Runs SQL through DuckDB for the tests: every argument before "--" is a
// file of statements (such as the DDL that ll-partition prints), every
// argument after it one query whose rows are printed as JSON arrays, one
// a line, so test goldens show exact answers.  With SQL_TIMING set, the
// time each query took (not counting start-up) goes to standard error as
// "query N: MS ms", for scripts/dev/bench.d/50-readready.sh.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
const files = sep === -1 ? args : args.slice(0, sep);
const queries = sep === -1 ? [] : args.slice(sep + 1);

try {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const f of files)
    await con.run(readFileSync(f, 'utf8'));
  for (const [i, q] of queries.entries()) {
    const t0 = performance.now();
    const r = await con.runAndReadAll(q);
    const ms = performance.now() - t0;
    for (const row of r.getRowsJson())
      console.log(JSON.stringify(row));
    if (process.env.SQL_TIMING)
      console.error(`query ${i + 1}: ${ms.toFixed(0)} ms`);
  }
} catch (e) {
  console.error(`sql.mjs: ${e.message}`);
  process.exit(1);
}
