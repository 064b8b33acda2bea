#!/usr/bin/env bash
# graphql-http's auditServer against our /graphql (tests/Conformance.Host): every audit counts as one test.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
conformance_prepare || exit 1
conformance_start_host || exit 1
output=$(cd "$CONFORMANCE_DIR" && node graphql-http/audit.mjs "$CONFORMANCE_URL/graphql")
echo "$output" | grep -v '^COUNTS'
counts=$(echo "$output" | sed -n 's/^COUNTS //p')
[ -n "$counts" ] || exit 1
write_counts $counts
read -r _ failed _ <<<"$counts"
echo "graphql-http audits: $counts (passed failed skipped)"
[ "$failed" -eq 0 ]
