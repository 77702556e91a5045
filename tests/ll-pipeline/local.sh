# A whole run over local directories matches the generator's ground truth,
# in each source's table (the list from ll-partition --sources, kept in
# the run directory); Bedrock's bodies and permission checks are other
# kinds, not fetched; a second run with nothing new does no work and
# changes nothing.
. "$TOP/tests/lib/lake.sh"
sample src
pipeline -D lake src/cloudtrail src/firehose src/bedrock
echo "rc=$?"
rec=lake/state/last-run/reconciliation.json
jq -r .table lake/state/last-run/sources.ndjson | paste -sd' '
jq -c '{new: .objects.new, ct: .tables.cloudtrail.rows_written,
    cw: .tables.cloudwatch.rows_written, br: .tables.bedrock.rows_written,
    share, ok}' "$rec"
jq -c '{events_unique, log_events_unique, control_messages,
    bedrock_records_unique}' src/expected.json
jq -c '.objects.kinds | with_entries(.value |= ([.[].objects] | add))' "$rec"
jq -c '[.bedrock_objects, .bedrock_body_objects + .bedrock_check_objects]' \
    src/expected.json
jq -c '.tables.session_review | {sessions, with_transcript, without_transcript}' "$rec"
jq -c '{start_sessions, sessions_with_transcript}' src/expected.json
lake_digest lake/lake >before
pipeline -D lake src/cloudtrail src/firehose src/bedrock
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
