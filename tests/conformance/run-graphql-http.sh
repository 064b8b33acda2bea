#!/usr/bin/env bash
# graphql-http's auditServer against our /graphql (tests/Conformance.Host): every audit counts as one test.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
conformance_prepare || exit 1
conformance_start_host || exit 1
run_node_suite graphql-http/audit.mjs "$CONFORMANCE_URL/graphql"
