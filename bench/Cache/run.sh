#!/usr/bin/env bash
# Reproduces the "Closed-month cache" section of bench/RESULTS.md:
#  (a) over HTTP with wrk: the whole-dashboard request (schema/examples/dashboard.graphql) for a closed month,
#      the Api with the cache (warm, Redis as shared tier) against the same Api with GraphReports:Cache:Enabled=false,
#      both running on the same demo store, rounds interleaved so that both see the same machine load;
#  (b) in process: the cost of one cache hit (memory tier, Redis tier) beside the store answering the same query.
# Everything binds 127.0.0.1; redis-server runs in a temporary folder without persistence.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
DEMO_EVENTS=${DEMO_EVENTS:-250000}
for tool in wrk redis-server; do
  command -v $tool >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; { $SUDO apt-get install -y -qq $tool || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq $tool; }; } >/dev/null 2>&1; }
done
dotnet build "$ROOT/src/Api/GraphReports.Api.csproj" -c Release -nologo -v quiet >/dev/null
dotnet build "$HERE/CacheBench.csproj" -c Release -nologo -v quiet >/dev/null
API="$ROOT/src/Api/bin/Release/net10.0/GraphReports.Api.dll"

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_up() { for _ in $(seq 1 1200); do curl -fsS -o /dev/null "$1/health" 2>/dev/null && return 0; sleep 0.5; done; echo "no server at $1"; exit 1; }

REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK" --save "" --appendonly no --maxmemory-policy volatile-lru >/dev/null & PIDS+=($!)
# Rate limits off: one key at thousands of requests/s is what the per-key limiter exists to refuse (429), and the
# cache is what is measured here.
COMMON=(--GraphReports:Storage:Path="$WORK/store.db" --GraphReports:Demo:Events="$DEMO_EVENTS" --Logging:LogLevel:Default=Warning
  --GraphReports:RateLimits:Enabled=false)
CACHED_PORT=$(free_port)
dotnet "$API" --urls "http://127.0.0.1:$CACHED_PORT" "${COMMON[@]}" --GraphReports:Redis:Configuration="127.0.0.1:$REDIS_PORT" >"$WORK/cached.log" 2>&1 & PIDS+=($!)
wait_up "http://127.0.0.1:$CACHED_PORT"   # the first start loads the demo data
PLAIN_PORT=$(free_port)
dotnet "$API" --urls "http://127.0.0.1:$PLAIN_PORT" "${COMMON[@]}" --GraphReports:Cache:Enabled=false >"$WORK/plain.log" 2>&1 & PIDS+=($!)
wait_up "http://127.0.0.1:$PLAIN_PORT"

# Two months back: closed in every zone whatever today is.
MONTH=$(date -u -d "$(date -u +%Y-%m-01) -2 month" +%Y-%m)
# The wrk script is bench/Api's (it counts every answer that is not a 200 without errors as bad).
export QUERY_FILE="$ROOT/schema/examples/dashboard.graphql" VARIABLES="{\"month\":\"$MONTH\"}" API_KEY=demo-acme-api-key
body=$(python3 -c 'import json,os; print(json.dumps({"query": open(os.environ["QUERY_FILE"]).read(), "variables": json.loads(os.environ["VARIABLES"])}))')
a=$(curl -fsS -X POST -H 'content-type: application/json' -H "Authorization: Bearer $API_KEY" -d "$body" "http://127.0.0.1:$CACHED_PORT/graphql")
b=$(curl -fsS -X POST -H 'content-type: application/json' -H "Authorization: Bearer $API_KEY" -d "$body" "http://127.0.0.1:$PLAIN_PORT/graphql")
[ "$a" = "$b" ] || { echo "the cached and uncached Apis disagree"; echo "$a" | head -c 400; echo; echo "$b" | head -c 400; exit 1; }
case "$a" in *'"errors"'*) echo "the dashboard answered errors: $(echo "$a" | head -c 400)"; exit 1;; esac

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dashboard for $MONTH (acme, $DEMO_EVENTS demo events over 3 environments), wrk -t2 -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds interleaved"
run() {
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/Api/dashboard.lua" "http://127.0.0.1:$1/graphql")
  echo "$2 $(echo "$out" | awk '/Requests\/sec/{print $2}') p50 $(echo "$out" | awk '$1=="50%"{print $2}') p99 $(echo "$out" | awk '$1=="99%"{print $2}') $(echo "$out" | grep '^bad ')"
  # A round with any answer other than a 200 without errors measured something else: the run is void.
  echo "$out" | grep -q '^bad 0$' || { echo "round answered non-200s or errors: the figures above are void"; exit 1; }
}
# A short unreported round each first: JIT and connection warm-up are not what is measured.
for port in "$CACHED_PORT" "$PLAIN_PORT"; do wrk -t2 -c"$CONNECTIONS" -d3s -s "$ROOT/bench/Api/dashboard.lua" "http://127.0.0.1:$port/graphql" >/dev/null; done
for r in $(seq 1 "$ROUNDS"); do
  run "$CACHED_PORT" "round $r  cached  "
  run "$PLAIN_PORT" "round $r  no-cache"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== cost of one cache hit (in process)"
dotnet "$HERE/bin/Release/net10.0/CacheBench.dll" "127.0.0.1:$REDIS_PORT" "${ITERATIONS:-2000}"
