#!/usr/bin/env bash
# Introspection round trip through graphql-js against tests/Conformance.Host's schema.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
conformance_prepare || exit 1
conformance_start_host || exit 1
run_node_suite introspection/roundtrip.mjs "$CONFORMANCE_URL"
