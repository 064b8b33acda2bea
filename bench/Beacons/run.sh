#!/usr/bin/env bash
# Reproduces the "Beacons" section of bench/RESULTS.md: the Indexer (Release) on a fresh store on
# 127.0.0.1, then wrk (1 thread, 4 connections, DURATION seconds, ROUNDS rounds, interleaved) posting one
# new impression per request as a beacon (POST /v1/beacons, site key, Origin) and, side by side, as the
# peer, to POST /v1/events with an ingest key (the same pipeline without the site-key checks). Each
# request's answer waits for the event to be durable. Rate limits are switched off for the run.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get install -y -qq wrk >/dev/null; }
dotnet build "$ROOT/src/Indexer" -c Release -nologo -v quiet >/dev/null
STORE=$(mktemp -d)
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
dotnet "$ROOT/src/Indexer/bin/Release/net10.0/GraphReports.Indexer.dll" serve --urls "http://127.0.0.1:$PORT" \
  "--GraphReports:Storage:Path=$STORE/store.db" --GraphReports:Beacons:PerAddressPerMinute=0 --GraphReports:Beacons:PerKeyPerMinute=0 \
  --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$STORE"' EXIT
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break; sleep 0.2; done

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
STAMP=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for round in $(seq 1 "$ROUNDS"); do
  for mode in beacon events; do
    out=$(MODE=$mode RUN="$mode$round" STAMP=$STAMP wrk -t1 -c4 -d"$DURATION"s -s "$HERE/beacon.lua" "http://127.0.0.1:$PORT")
    grep -q '^unexpected 0$' <<<"$out" || { echo "unexpected answers ($mode): $out"; exit 1; }
    echo "round $round $mode: $(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' <<<"$out") req/s, p50 $(sed -n 's/^p50_ms //p' <<<"$out") ms, p99 $(sed -n 's/^p99_ms //p' <<<"$out") ms"
  done
done
echo "events stored: $(sqlite3 "$STORE/store.db" 'select count(*) from event')"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
