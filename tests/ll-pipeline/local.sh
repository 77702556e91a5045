# A whole run over local directories matches the generator's ground truth;
# a second run with nothing new does no work and changes nothing.
. "$TOP/tests/lib/lake.sh"
sample src
pipeline -D lake src/cloudtrail src/firehose
echo "rc=$?"
rec=lake/state/last-run/reconciliation.json
jq -c '{new: .objects.new, ct: .tables.cloudtrail.rows_written,
    cw: .tables.cloudwatch.rows_written, share, ok}' "$rec"
jq -c '{events_unique, log_events_unique, control_messages}' src/expected.json
jq -c '.tables.session_review | {sessions, with_transcript, without_transcript}' "$rec"
jq -c '{start_sessions, sessions_with_transcript}' src/expected.json
lake_digest lake/lake >before
pipeline -D lake src/cloudtrail src/firehose
echo "rc=$?"
jq -c '{new: .objects.new, fetched: .objects.fetched,
    written: .tables.cloudtrail.rows_written}' lake/state/last-run/reconciliation.json
lake_digest lake/lake | cmp - before && echo "lake unchanged"
ls lake/state/runs | wc -l
# The tables answer queries in DuckDB: sessions per day from the review
# table (JSON lines), StartSession calls from the Parquet table.
node "$TOP/tests/duckdb/sql.mjs" -- "SELECT calendarday, count(*),
    count(transcript), sum(log_events) FROM read_json_auto(
    'lake/lake/session_review/*/*.json.gz', hive_partitioning = true)
    GROUP BY ALL ORDER BY 1" "SELECT count(*) FROM read_parquet(
    'lake/lake/cloudtrail/*/*.parquet', hive_partitioning = true)
    WHERE eventname = 'StartSession'"
