#!/usr/bin/env bash
# The peer run of the ingest benchmark (bench/RESULTS.md, "Ingest"): the same NDJSON file loaded by
# the sqlite3 command-line tool alone, in the way a plain SQLite user would: lines into a staging
# table, then one INSERT ... SELECT json_extract(...) into an events table keyed by id (duplicates
# ignored), the document kept whole, then the same two read indexes built after loading. No
# validation, no interning, no rollups: the floor of what SQLite itself takes for the same file.
#   bench/Ingest/peer-sqlite3.sh <file.ndjson> [db]
set -euo pipefail
file=$1
db=${2:-/tmp/graphreports-bench/peer.db}
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
sync
now() { date +%s.%N; }
t0=$(now)
sqlite3 "$db" <<SQL >/dev/null
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
CREATE TABLE raw (line TEXT);
.mode ascii
.separator "$(printf '\037')" "\n"
.import '$file' raw
SQL
t1=$(now)
sqlite3 "$db" <<'SQL' >/dev/null
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
CREATE TABLE event (id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, ts TEXT NOT NULL, user TEXT, session TEXT, asset TEXT, doc TEXT NOT NULL);
INSERT OR IGNORE INTO event
  SELECT json_extract(line, '$.id'), json_extract(line, '$.type'), json_extract(line, '$.timestamp'),
         json_extract(line, '$.user'), json_extract(line, '$.session'), json_extract(line, '$.asset.id'), line
  FROM raw;
DROP TABLE raw;
SQL
t2=$(now)
sqlite3 "$db" <<'SQL' >/dev/null
PRAGMA cache_size = -65536;
CREATE INDEX event_type_ts ON event (type, ts);
CREATE INDEX event_asset_type_ts ON event (asset, type, ts) WHERE asset IS NOT NULL;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
t3=$(now)
rows=$(sqlite3 "$db" "SELECT count(*) FROM event")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$(wc -l < "$file")" -v rows="$rows" -v v="$(sqlite3 --version | cut -d' ' -f1)" 'BEGIN {
  printf "peer (sqlite3 %s): %d lines, %d stored; lines into a staging table %.2f s, json_extract into events %.2f s, load %.2f s (%.0f events/s), indexes %.2f s, load + indexes %.2f s (%.0f events/s)\n",
    v, n, rows, b-a, c-b, c-a, n/(c-a), d-c, d-a, n/(d-a) }'
