#!/usr/bin/env bash
# Reproduces the "GraphQL engine" section of bench/RESULTS.md:
#  (a) in process: parse (cached) + validate + execute of the 30-field query, median microseconds, beside
#      graphql-js executing the same query (its document parsed and validated once);
#  (b) over HTTP on loopback with wrk (2 threads, 32 connections, DURATION seconds, ROUNDS rounds, median of
#      rounds): requests/s for { __typename } and the 30-field query, our server (Release) against the
#      graphql-js reference (graphql-http's Node handler, same schema and data), interleaved so that both
#      see the same machine load; GraphQL.NET 8.8.5 behind a plain Kestrel endpoint is the .NET peer in both
#      parts. Everything binds 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get install -y -qq wrk >/dev/null; }
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error

dotnet build -c Release -nologo -v quiet >/dev/null
DLL="$HERE/bin/Release/net10.0/GraphReports.GraphQL.Bench.dll"

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_up() { for _ in $(seq 1 100); do curl -fsS -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{__typename}"}' "$1" 2>/dev/null && return 0; sleep 0.2; done; echo "no server at $1"; return 1; }

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== (a) in process"
dotnet "$DLL" inprocess "${ITERATIONS:-50000}"
node inprocess-reference.mjs "${ITERATIONS:-50000}"
[ "${SKIP_HTTP:-0}" = 1 ] && exit 0

OURS_PORT=$(free_port); dotnet "$DLL" serve --urls "http://127.0.0.1:$OURS_PORT" & OURS_PID=$!
JS_PORT=$(free_port); node reference-server.mjs "$JS_PORT" 1 >/dev/null & JS_PID=$!
JS2_PORT=$(free_port); node reference-server.mjs "$JS2_PORT" 2 >/dev/null & JS2_PID=$!
NET_PORT=$(free_port); dotnet "$DLL" serve-graphqlnet --urls "http://127.0.0.1:$NET_PORT" & NET_PID=$!
trap 'kill $OURS_PID $JS_PID $JS2_PID $NET_PID 2>/dev/null; wait $OURS_PID $JS_PID $JS2_PID $NET_PID 2>/dev/null' EXIT
wait_up "http://127.0.0.1:$OURS_PORT/graphql"; wait_up "http://127.0.0.1:$JS_PORT/graphql"; wait_up "http://127.0.0.1:$JS2_PORT/graphql"; wait_up "http://127.0.0.1:$NET_PORT/graphql"

# Both servers must answer the same data before they are timed.
for doc in typename.graphql report30.graphql; do
  body="{\"query\":\"$(tr -d '\n' < "$doc")\"}"
  a=$(curl -fsS -X POST -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$OURS_PORT/graphql")
  b=$(curl -fsS -X POST -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$JS_PORT/graphql")
  [ "$a" = "$b" ] || { echo "the servers disagree on $doc:"; echo "ours: $a"; echo "js:   $b"; exit 1; }
  c=$(curl -fsS -X POST -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$NET_PORT/graphql")
  node -e 'const [a, c] = process.argv.slice(1).map(JSON.parse); if (JSON.stringify(a) !== JSON.stringify(c)) process.exit(1)' "$a" "$c" \
    || { echo "GraphQL.NET answers $doc otherwise:"; echo "ours: $a"; echo "net:  $c"; exit 1; }
done

# CPU time (user + system, clock ticks) of a server process and its children (the cluster workers).
cpu_ticks() {
  local total=0 pid
  for pid in $1 $(pgrep -P "$1"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo $total
}
TICK=$(getconf CLK_TCK)
run() { # pid url doc seconds -> "requests/s cpu-us-per-request" (fails on any non-200 answer)
  local before after out rate requests
  before=$(cpu_ticks "$1")
  out=$(QUERY_FILE="$HERE/$3" wrk -t2 -c32 -d"$4"s -s "$HERE/post.lua" "$2")
  after=$(cpu_ticks "$1")
  grep -q '^non200 0$' <<<"$out" || { echo "non-200 answers from $2: $out" >&2; exit 1; }
  rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' <<<"$out")
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
  awk -v r="$rate" -v n="$requests" -v t=$((after - before)) -v hz="$TICK" 'BEGIN{printf "%.0f %.1f\n", r, t / hz * 1e6 / n}'
}
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

echo "== (b) over HTTP: wrk -t2 -c32 -d${DURATION}s, $ROUNDS rounds, medians; server CPU time per request alongside"
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", a/b}'; }
for doc in typename.graphql report30.graphql; do
  declare -A rate=() cpu=()
  for server in ours js js2 net; do rate[$server]=""; cpu[$server]=""; done
  for _ in $(seq 0 "$ROUNDS"); do # round 0 warms up and is dropped
    for server in ours js js2 net; do
      case $server in ours) pid=$OURS_PID port=$OURS_PORT;; js) pid=$JS_PID port=$JS_PORT;; js2) pid=$JS2_PID port=$JS2_PORT;; net) pid=$NET_PID port=$NET_PORT;; esac
      read -r r c <<<"$(run "$pid" "http://127.0.0.1:$port/graphql" "$doc" "$DURATION")"
      rate[$server]+="$r "; cpu[$server]+="$c "
    done
  done
  echo "$doc"
  for server in ours js js2 net; do
    rates=$(echo "${rate[$server]}" | cut -d' ' -f2-); cpus=$(echo "${cpu[$server]}" | cut -d' ' -f2-)
    r=$(tr ' ' '\n' <<<"$rates" | grep . | median); c=$(tr ' ' '\n' <<<"$cpus" | grep . | median)
    eval "${server}_r=$r ${server}_c=$c"
    case $server in ours) label="ours (Kestrel, Release)";; js) label="graphql-js, 1 process";; js2) label="graphql-js, 2 cluster workers";; net) label="GraphQL.NET 8.8.5 (Kestrel)";; esac
    printf '  %-30s %8s req/s  %7s us CPU/request   rounds req/s: %s\n' "$label" "$r" "$c" "$rates"
  done
  echo "  ours vs graphql-js 1 process:  $(ratio "$ours_r" "$js_r")x req/s, $(ratio "$js_c" "$ours_c")x less CPU per request"
  echo "  ours vs graphql-js 2 workers:  $(ratio "$ours_r" "$js2_r")x req/s, $(ratio "$js2_c" "$ours_c")x less CPU per request"
  echo "  ours vs GraphQL.NET:           $(ratio "$ours_r" "$net_r")x req/s, $(ratio "$net_c" "$ours_c")x less CPU per request"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
