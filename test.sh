#!/usr/bin/env bash
# Runs every test of GraphReports: the xunit suites of the solution, then the conformance suites
# under tests/conformance (Node). Installs what it needs when missing. Ends with one line
# "N passed, N failed[, N skipped]" totalled over every suite, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash "$ROOT/scripts/install-prerequisites.sh" || { echo "prerequisites could not be installed"; echo "0 passed, 1 failed"; exit 1; }

echo "== build"
if ! dotnet build GraphReports.sln -c Release -nologo -v quiet; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

echo "== xunit"
dotnet test GraphReports.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS/trx"
xunit_rc=$?

# Conformance suites: each tests/conformance/run-*.sh writes "passed failed skipped" to the file
# named by $COUNTS_FILE, so the total below covers every suite.
conformance_rc=0
if compgen -G "tests/conformance/run-*.sh" >/dev/null; then
  for suite in tests/conformance/run-*.sh; do
    name=$(basename "$suite" .sh)
    echo "== conformance: $name"
    COUNTS_FILE="$RESULTS/$name.counts" bash "$suite" || conformance_rc=1
    [ -s "$RESULTS/$name.counts" ] || { echo "$name wrote no counts"; echo "0 1 0" > "$RESULTS/$name.counts"; }
  done
fi

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/trx/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
for counts in "$RESULTS"/*.counts; do
  [ -e "$counts" ] || continue
  read -r p f s < "$counts"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
# A suite that crashed before writing its report still fails the run.
if [ $xunit_rc -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
if [ $conformance_rc -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi

line="$passed passed, $failed failed"
[ $skipped -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $failed -eq 0 ]
