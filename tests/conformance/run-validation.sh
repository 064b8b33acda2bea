#!/usr/bin/env bash
# Differential validation suite, graphql-js side: re-runs graphql-js (pinned in package.json) on
# every corpus document and checks that the committed validation/expected.json still says what
# graphql-js says. Our engine is checked against expected.json by the xunit theory
# ValidationCorpusTests. Writes "passed failed skipped" (documents) to $COUNTS_FILE.
set -uo pipefail
cd "$(dirname "$0")"
COUNTS_FILE=${COUNTS_FILE:-/dev/null}
if [ ! -d node_modules/graphql ]; then
  npm ci --no-audit --no-fund >/dev/null 2>&1 || { echo "npm ci failed"; echo "0 1 0" > "$COUNTS_FILE"; exit 1; }
fi
output=$(node validation/expected.mjs --check)
rc=$?
echo "$output" | grep -v '^COUNTS '
counts=$(echo "$output" | sed -n 's/^COUNTS \([0-9]*\) \([0-9]*\)$/\1 \2 0/p')
echo "${counts:-0 1 0}" > "$COUNTS_FILE"
exit $rc
