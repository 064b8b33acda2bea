#!/usr/bin/env bash
# Introspection round trip through graphql-js against tests/Conformance.Host's schema.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
conformance_prepare || exit 1
conformance_start_host || exit 1
output=$(cd "$CONFORMANCE_DIR" && node introspection/roundtrip.mjs "$CONFORMANCE_URL")
echo "$output" | grep -v '^COUNTS'
counts=$(echo "$output" | sed -n 's/^COUNTS //p')
[ -n "$counts" ] || exit 1
write_counts $counts
read -r _ failed _ <<<"$counts"
[ "$failed" -eq 0 ]
