#!/usr/bin/env bash
# Reproduces the "GraphQL engine" section of bench/RESULTS.md:
#  (a) in process: parse (cached) + validate + execute of the 30-field query, median microseconds;
#  (b) over HTTP on loopback with wrk (2 threads, 32 connections, DURATION seconds, ROUNDS rounds, median of
#      rounds): requests/s for { __typename } and the 30-field query, our server (Release) against the
#      graphql-js reference (graphql-http's Node handler, same schema and data), interleaved so that both
#      see the same machine load. Everything binds 127.0.0.1.
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

OURS_PORT=$(free_port); dotnet "$DLL" serve --urls "http://127.0.0.1:$OURS_PORT" & OURS_PID=$!
JS_PORT=$(free_port); node reference-server.mjs "$JS_PORT" 1 >/dev/null & JS_PID=$!
JS2_PORT=$(free_port); node reference-server.mjs "$JS2_PORT" 2 >/dev/null & JS2_PID=$!
trap 'kill $OURS_PID $JS_PID $JS2_PID 2>/dev/null; wait $OURS_PID $JS_PID $JS2_PID 2>/dev/null' EXIT
wait_up "http://127.0.0.1:$OURS_PORT/graphql"; wait_up "http://127.0.0.1:$JS_PORT/graphql"; wait_up "http://127.0.0.1:$JS2_PORT/graphql"

# Both servers must answer the same data before they are timed.
for doc in typename.graphql report30.graphql; do
  body="{\"query\":\"$(tr -d '\n' < "$doc")\"}"
  a=$(curl -fsS -X POST -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$OURS_PORT/graphql")
  b=$(curl -fsS -X POST -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$JS_PORT/graphql")
  [ "$a" = "$b" ] || { echo "the servers disagree on $doc:"; echo "ours: $a"; echo "js:   $b"; exit 1; }
done

rps() { # url doc seconds -> requests/s (fails on any non-200 answer)
  local out; out=$(QUERY_FILE="$HERE/$2" wrk -t2 -c32 -d"$3"s -s "$HERE/post.lua" "$1")
  grep -q '^non200 0$' <<<"$out" || { echo "non-200 answers from $1: $out" >&2; exit 1; }
  sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' <<<"$out"
}
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

echo "== (b) over HTTP: wrk -t2 -c32 -d${DURATION}s, $ROUNDS rounds, median"
for doc in typename.graphql report30.graphql; do
  for port in $OURS_PORT $JS_PORT $JS2_PORT; do rps "http://127.0.0.1:$port/graphql" "$doc" 3 >/dev/null; done
  ours=(); js=(); js2=()
  for _ in $(seq 1 "$ROUNDS"); do
    ours+=("$(rps "http://127.0.0.1:$OURS_PORT/graphql" "$doc" "$DURATION")")
    js+=("$(rps "http://127.0.0.1:$JS_PORT/graphql" "$doc" "$DURATION")")
    js2+=("$(rps "http://127.0.0.1:$JS2_PORT/graphql" "$doc" "$DURATION")")
  done
  o=$(printf '%s\n' "${ours[@]}" | median); j=$(printf '%s\n' "${js[@]}" | median); j2=$(printf '%s\n' "${js2[@]}" | median)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", a/b}'; }
  echo "$doc"
  printf '  ours (Kestrel, Release)        %8.0f req/s  rounds: %s\n' "$o" "${ours[*]}"
  printf '  graphql-js, 1 process          %8.0f req/s  rounds: %s  -> ours %sx\n' "$j" "${js[*]}" "$(ratio "$o" "$j")"
  printf '  graphql-js, 2 cluster workers  %8.0f req/s  rounds: %s  -> ours %sx\n' "$j2" "${js2[*]}" "$(ratio "$o" "$j2")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
