#!/usr/bin/env bash
# graphql-js's Star Wars expectations (query, introspection, validation) over HTTP against
# tests/Conformance.Host's /starwars/graphql.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
conformance_prepare || exit 1
conformance_start_host || exit 1
run_node_suite starwars-http/run.mjs "$CONFORMANCE_URL/starwars/graphql"
