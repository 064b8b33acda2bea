#!/usr/bin/env bash
# Headless Debian Chromium opens Banana Cake Pop on our /graphql, which loads the schema and runs a
# query; the screenshot is kept in artifacts/conformance/banana-cake-pop.png.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing (scripts/install-prerequisites.sh installs it)"; exit 1; }
conformance_prepare || exit 1
conformance_start_host || exit 1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
run_node_suite browser/ide.mjs "$CONFORMANCE_URL" "$REPO_ROOT/artifacts/conformance/banana-cake-pop.png"
