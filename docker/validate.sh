#!/usr/bin/env bash
# Validates docker/docker-compose.yml with Debian's docker-compose (v1): the file parses, every
# variable resolves, the services and volumes are well formed. No Docker engine is needed (or used).
# Writes "passed failed skipped" to $COUNTS_FILE like the other suites.
set -uo pipefail
cd "$(dirname "$0")"
counts=${COUNTS_FILE:-/dev/null}
if ! command -v docker-compose >/dev/null; then echo "docker-compose is missing"; echo "0 1 0" > "$counts"; exit 1; fi
out=$(ELASTIC_PASSWORD=validate-only ELASTIC_CA_FINGERPRINT=00:11 docker-compose -f docker-compose.yml config 2>&1)
rc=$?
if [ $rc -eq 0 ] && grep -q "xpack.security.enabled: \"true\"" <<<"$out" && grep -q -- "--appendonly" <<<"$out"; then
  echo "docker-compose config: valid"; echo "1 0 0" > "$counts"
else
  echo "docker-compose config failed:"; echo "$out"; echo "0 1 0" > "$counts"; exit 1
fi
