# Sourced by the run-*.sh suites. Provides:
#   conformance_prepare        npm ci when node_modules is missing
#   conformance_start_host     builds and starts tests/Conformance.Host on a free 127.0.0.1 port, sets
#                              CONFORMANCE_URL (http://127.0.0.1:PORT) and stops the host on exit (trap).
#   api_start_demo EVENTS      builds and starts the Api itself on a free 127.0.0.1 port over a temporary
#                              store filled with EVENTS demo events, sets API_URL, stops it and removes
#                              the store on exit (trap). API_URL already set: that server is used.
#   write_counts P F S         writes the one line the test script totals to "$COUNTS_FILE".
# If CONFORMANCE_URL is already set, the suites run against that server instead (for debugging).
CONFORMANCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$CONFORMANCE_DIR/../.." && pwd)"
COUNTS_FILE="${COUNTS_FILE:-/dev/null}"

write_counts() { echo "$1 $2 $3" > "$COUNTS_FILE"; }

conformance_prepare() {
  if [ ! -d "$CONFORMANCE_DIR/node_modules" ]; then
    (cd "$CONFORMANCE_DIR" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

conformance_start_host() {
  if [ -n "${CONFORMANCE_URL:-}" ]; then return 0; fi
  local project="$REPO_ROOT/tests/Conformance.Host"
  dotnet build "$project" -c Release -nologo -v quiet >/dev/null || { echo "Conformance.Host does not build"; return 1; }
  local port; port=$(free_port)
  HOST_LOG=$(mktemp)
  dotnet "$project/bin/Release/net10.0/GraphReports.Conformance.Host.dll" --urls "http://127.0.0.1:$port" >"$HOST_LOG" 2>&1 &
  HOST_PID=$!
  trap 'kill "$HOST_PID" 2>/dev/null; wait "$HOST_PID" 2>/dev/null; rm -f "$HOST_LOG"' EXIT
  CONFORMANCE_URL="http://127.0.0.1:$port"
  wait_until_serving "$CONFORMANCE_URL/graphql?query=%7B__typename%7D" "$HOST_PID" 100 \
    || { echo "Conformance.Host did not start:"; cat "$HOST_LOG"; return 1; }
}

# wait_until_serving URL PID TRIES: polls URL every 0.2 s until it answers 2xx, while PID lives.
wait_until_serving() {
  for _ in $(seq 1 "$3"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

api_start_demo() {
  if [ -n "${API_URL:-}" ]; then return 0; fi
  local project="$REPO_ROOT/src/Api"
  dotnet build "$project" -c Release -nologo -v quiet >/dev/null || { echo "the Api does not build"; return 1; }
  local port; port=$(free_port)
  API_DIR=$(mktemp -d)
  dotnet "$project/bin/Release/net10.0/GraphReports.Api.dll" --urls "http://127.0.0.1:$port" \
    "--GraphReports:Storage:Path=$API_DIR/reports.db" "--GraphReports:Demo:Events=$1" >"$API_DIR/api.log" 2>&1 &
  API_PID=$!
  trap 'kill "$API_PID" 2>/dev/null; wait "$API_PID" 2>/dev/null; rm -rf "$API_DIR"' EXIT
  API_URL="http://127.0.0.1:$port"
  # The demo data loads before the Api listens: allow two minutes on a slow, shared machine.
  wait_until_serving "$API_URL/health" "$API_PID" 600 || { echo "the Api did not start:"; cat "$API_DIR/api.log"; return 1; }
}

# Runs a Node suite that prints one line per check and last "COUNTS passed failed skipped"; shows the
# checks, records the counts, and fails when a check failed or the suite died before counting.
run_node_suite() {
  local output counts failed
  output=$(cd "$CONFORMANCE_DIR" && timeout 300 node "$@")
  echo "$output" | grep -v '^COUNTS'
  counts=$(echo "$output" | sed -n 's/^COUNTS //p')
  [ -n "$counts" ] || { echo "$1 ended without counts"; return 1; }
  write_counts $counts
  read -r _ failed _ <<<"$counts"
  [ "$failed" -eq 0 ]
}
