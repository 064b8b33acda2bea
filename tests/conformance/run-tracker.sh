#!/usr/bin/env bash
# tracker.js in headless Debian Chromium against the real Indexer and Api: both hosts start on free
# 127.0.0.1 ports over a temporary store, with an environment whose site key allows one test origin;
# the suites (tracker/run.mjs) serve the test pages on that origin and on a second, disallowed one.
# The screenshot is kept in artifacts/conformance/tracker-page.png.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing (scripts/install-prerequisites.sh installs it)"; exit 1; }
conformance_prepare || exit 1
for project in Indexer Api; do
  dotnet build "$REPO_ROOT/src/$project" -c Release -nologo -v quiet >/dev/null || { echo "src/$project does not build"; exit 1; }
done

STORE=$(mktemp -d)
INDEXER_PORT=$(free_port); API_PORT=$(free_port); SITE_PORT=$(free_port); OTHER_PORT=$(free_port)
API_KEY="tracker-suite-api-key"; SITE_KEY="tracker-suite-site-key"
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
CONFIG=(
  "--GraphReports:Storage:Path=$STORE/store.db"
  "--GraphReports:Environments:tracked:Name=Tracked shop"
  "--GraphReports:Environments:tracked:TimeZone=UTC"
  "--GraphReports:Environments:tracked:ApiKeyHashes:0=$(sha "$API_KEY")"
  "--GraphReports:Environments:tracked:SiteKeys:0:Key=$SITE_KEY"
  "--GraphReports:Environments:tracked:SiteKeys:0:AllowedOrigins:0=http://127.0.0.1:$SITE_PORT"
)
INDEXER_LOG="$STORE/indexer.log"; API_LOG="$STORE/api.log"
dotnet "$REPO_ROOT/src/Indexer/bin/Release/net10.0/GraphReports.Indexer.dll" serve --urls "http://127.0.0.1:$INDEXER_PORT" "${CONFIG[@]}" >"$INDEXER_LOG" 2>&1 &
INDEXER_PID=$!
dotnet "$REPO_ROOT/src/Api/bin/Release/net10.0/GraphReports.Api.dll" --urls "http://127.0.0.1:$API_PORT" "${CONFIG[@]}" \
  --GraphReports:Demo:LoadOnEmptyStore=false "--GraphReports:Tracker:PublicUrl=http://127.0.0.1:$INDEXER_PORT" >"$API_LOG" 2>&1 &
API_PID=$!
stop() { kill "$INDEXER_PID" "$API_PID" 2>/dev/null; wait "$INDEXER_PID" "$API_PID" 2>/dev/null; rm -rf "$STORE"; }
trap stop EXIT

wait_for() { # url pid log
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.2
  done
  echo "$1 did not answer:"; cat "$3"; return 1
}
wait_for "http://127.0.0.1:$INDEXER_PORT/health" "$INDEXER_PID" "$INDEXER_LOG" || exit 1
wait_for "http://127.0.0.1:$API_PORT/health" "$API_PID" "$API_LOG" || exit 1

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TRACKER_INDEXER_URL="http://127.0.0.1:$INDEXER_PORT" TRACKER_API_URL="http://127.0.0.1:$API_PORT" \
  TRACKER_API_KEY="$API_KEY" TRACKER_SITE_KEY="$SITE_KEY" TRACKER_SITE_PORT="$SITE_PORT" TRACKER_OTHER_PORT="$OTHER_PORT" \
  TRACKER_ARTIFACTS="$REPO_ROOT/artifacts/conformance"
run_node_suite tracker/run.mjs
