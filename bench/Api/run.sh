#!/usr/bin/env bash
# The whole dashboard through the running Api over HTTP (bench/RESULTS.md, "Dashboard over HTTP"):
# starts the Release Api on 127.0.0.1 over a store built by bench/Reports (environment "bench",
# Europe/Berlin, demo data ending 2026-11-20), checks that schema/examples/dashboard.graphql answers
# without errors, then runs wrk (2 threads, 32 connections, DURATION seconds, ROUNDS rounds after a
# warm-up round) and prints requests/s and p50 / p99 latency per round and their medians.
# Usage: bench/Api/run.sh <store file> [month=2026-11]   (env DURATION=10 ROUNDS=3; API_ARGS: more Api settings,
# e.g. API_ARGS=--GraphReports:Cache:ResponseLagSeconds=1; PROBE=1: also starts the Indexer on the same store and,
# during one more wrk round, measures how long a posted event takes to show in the dashboard (visibility.py))
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)
STORE=${1:?usage: run.sh <store file made by bench/Reports> [month]}
MONTH=${2:-2026-11}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get install -y -qq wrk >/dev/null; }

dotnet build "$ROOT/src/Api/GraphReports.Api.csproj" -c Release -nologo -v quiet >/dev/null
DLL="$ROOT/src/Api/bin/Release/net10.0/GraphReports.Api.dll"
KEY="bench-api-key-$RANDOM$RANDOM"
HASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
URL="http://127.0.0.1:$PORT/graphql"

# Rate limits off: one key at hundreds of requests/s is what the per-key limiter refuses (429, voiding every round).
dotnet "$DLL" --urls "http://127.0.0.1:$PORT" --environment Production \
  "--GraphReports:Storage:Path=$STORE" --GraphReports:Demo:LoadOnEmptyStore=false \
  --GraphReports:Environments:bench:Name=Bench --GraphReports:Environments:bench:TimeZone=Europe/Berlin \
  "--GraphReports:Environments:bench:ApiKeyHashes:0=$HASH" \
  --GraphReports:RateLimits:Enabled=false ${API_ARGS:-} \
  --Logging:LogLevel:Default=Warning >"${API_LOG:-/tmp/graphreports-bench-api.log}" 2>&1 & API_PID=$!
trap 'kill $API_PID 2>/dev/null; wait $API_PID 2>/dev/null' EXIT
BODY=$(python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": {"month": sys.argv[2]}}))' "$ROOT/schema/examples/dashboard.graphql" "$MONTH")
for _ in $(seq 1 150); do
  curl -fsS -o /dev/null -X POST -H 'content-type: application/json' -H "Authorization: Bearer $KEY" -d "$BODY" "$URL" 2>/dev/null && break; sleep 0.2
done
ANSWER=$(curl -fsS -X POST -H 'content-type: application/json' -H "Authorization: Bearer $KEY" -d "$BODY" "$URL")
grep -q '"errors"' <<<"$ANSWER" && { echo "the dashboard answers errors: ${ANSWER:0:400}"; exit 1; }
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); store $(du -h "$STORE" | cut -f1), month $MONTH"
echo "answer: $(wc -c <<<"$ANSWER") bytes, activeUsers $(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["data"]["environment"]["summary"]["activeUsers"])' "$ANSWER")"

rates=(); p50s=(); p99s=()
for round in $(seq 0 "$ROUNDS"); do # round 0 warms up and is dropped
  out=$(QUERY_FILE="$ROOT/schema/examples/dashboard.graphql" VARIABLES="{\"month\":\"$MONTH\"}" API_KEY="$KEY" \
        wrk -t2 -c32 -d"$DURATION"s --timeout 30s -s "$HERE/dashboard.lua" "$URL")
  grep -q '^bad 0$' <<<"$out" || { echo "bad answers: $out"; exit 1; }
  rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' <<<"$out")
  p50=$(sed -n 's/^p50_ms //p' <<<"$out"); p99=$(sed -n 's/^p99_ms //p' <<<"$out")
  echo "round $round: $rate req/s, p50 $p50 ms, p99 $p99 ms"
  [ "$round" -gt 0 ] && { rates+=("$rate"); p50s+=("$p50"); p99s+=("$p99"); }
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
echo "median of $ROUNDS rounds (wrk -t2 -c32 -d${DURATION}s): $(median "${rates[@]}") req/s, p50 $(median "${p50s[@]}") ms, p99 $(median "${p99s[@]}") ms"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Api peak memory (VmHWM): $(grep VmHWM /proc/$API_PID/status | tr -s " " | cut -d" " -f2-)"

[ "${PROBE:-0}" = 1 ] || exit 0
dotnet build "$ROOT/src/Indexer/GraphReports.Indexer.csproj" -c Release -nologo -v quiet >/dev/null
INGEST_KEY="bench-ingest-key-$RANDOM$RANDOM"
INGEST_HASH=$(printf '%s' "$INGEST_KEY" | sha256sum | cut -d' ' -f1)
INDEXER_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
dotnet "$ROOT/src/Indexer/bin/Release/net10.0/GraphReports.Indexer.dll" serve --urls "http://127.0.0.1:$INDEXER_PORT" --environment Production \
  "--GraphReports:Storage:Path=$STORE" --GraphReports:Environments:bench:Name=Bench --GraphReports:Environments:bench:TimeZone=Europe/Berlin \
  "--GraphReports:Environments:bench:IngestKeyHashes:0=$INGEST_HASH" --GraphReports:RateLimits:Enabled=false \
  --Logging:LogLevel:Default=Warning >/tmp/graphreports-bench-indexer.log 2>&1 & INDEXER_PID=$!
trap 'kill $API_PID $INDEXER_PID 2>/dev/null; wait $API_PID $INDEXER_PID 2>/dev/null' EXIT
for _ in $(seq 1 150); do curl -fsS -o /dev/null "http://127.0.0.1:$INDEXER_PORT/health/live" 2>/dev/null && break; sleep 0.2; done
QUERY_FILE="$ROOT/schema/examples/dashboard.graphql" VARIABLES="{\"month\":\"$MONTH\"}" API_KEY="$KEY" \
  wrk -t2 -c32 -d60s --timeout 30s -s "$HERE/dashboard.lua" "$URL" >/tmp/graphreports-bench-probe-wrk.txt & WRK_PID=$!
sleep 2
python3 "$HERE/visibility.py" "http://127.0.0.1:$INDEXER_PORT" "$INGEST_KEY" "$URL" "$KEY" "$ROOT/schema/examples/dashboard.graphql" "$MONTH" "${PROBES:-10}"
kill -INT $WRK_PID 2>/dev/null; wait $WRK_PID 2>/dev/null || true
echo "during the probes (wrk -c32): $(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' /tmp/graphreports-bench-probe-wrk.txt) req/s, $(grep '^bad' /tmp/graphreports-bench-probe-wrk.txt)"
