#!/usr/bin/env bash
# The /reports page in Debian's headless Chromium, over the Api itself with a small demo dataset in
# a temporary store (tests/conformance/reports-page/page.mjs); screenshots in artifacts/reports-page/.
set -uo pipefail
source "$(dirname "$0")/lib/host.sh"
write_counts 0 1 0
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing (scripts/install-prerequisites.sh installs it)"; exit 1; }
conformance_prepare || exit 1
PAGE_PACKAGE="$REPO_ROOT/src/Api/ReportsPage"
if [ ! -d "$PAGE_PACKAGE/node_modules" ]; then
  (cd "$PAGE_PACKAGE" && npm ci --no-audit --no-fund --loglevel=error) || exit 1
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
api_start_demo 20000 || exit 1
run_node_suite reports-page/page.mjs "$API_URL" "$REPO_ROOT" "$REPO_ROOT/artifacts/reports-page"
