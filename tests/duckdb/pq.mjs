// A second, independent Parquet reader for the tests (hyparquet, plain
// JavaScript, with node's zlib for gzip pages): reads every file given
// and prints its rows as JSON objects, one a line, then one summary line
// per file (rows, row groups, columns, codecs, encodings, and whether
// each column chunk's null_count matches the rows read), so that test
// goldens pin down what a reader other than DuckDB makes of the files.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';

const compressors = {
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
};

function text(v) {
  return typeof v === 'bigint' ? v.toString() : v;
}

try {
  for (const f of process.argv.slice(2)) {
    const b = readFileSync(f);
    const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const meta = parquetMetadata(file);
    const rows = await parquetReadObjects({ file, compressors });
    for (const r of rows)
      console.log(JSON.stringify(r, (k, v) => text(v)));
    const codecs = new Set(), encodings = new Set();
    let nullsOk = true;
    const names = meta.schema.slice(1).map((s) => s.name);
    let start = 0;
    for (const rg of meta.row_groups) {
      const part = rows.slice(start, start + Number(rg.num_rows));
      start += Number(rg.num_rows);
      for (const [i, c] of rg.columns.entries()) {
        const m = c.meta_data;
        codecs.add(m.codec);
        for (const e of m.encodings)
          encodings.add(e);
        const nulls = part.filter((r) => r[names[i]] === null).length;
        if (BigInt(nulls) !== BigInt(m.statistics?.null_count ?? -1))
          nullsOk = false;
      }
    }
    console.log(JSON.stringify({
      rows: Number(meta.num_rows), read: rows.length,
      row_groups: meta.row_groups.length, columns: names.length,
      codecs: [...codecs].sort(), encodings: [...encodings].sort(),
      null_counts: nullsOk ? 'match' : 'MISMATCH',
      created_by: meta.created_by,
    }));
  }
} catch (e) {
  console.error(`pq.mjs: ${e.message}`);
  process.exit(1);
}
