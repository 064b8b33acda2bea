#!/usr/bin/env bash
# Peak resident memory of both hosts under the hostile loads of issue 12, for the build in a given
# repository folder (default: this one), so that two builds can be measured side by side:
#   bench/Hostile/run.sh [repo-root]
# 1. Api: 800 distinct GraphQL documents of 1 MB each (document cache).
# 2. Indexer: 8 concurrent gzip bodies of ~58 MB decompressed each (10,000 events of ~5.8 KB).
# Prints one line per load: baseline RSS, peak RSS (VmHWM), RSS after, and the answers' time.
set -euo pipefail
ROOT="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
WORK=$(mktemp -d /tmp/graphreports-hostile-XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
status() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
wait_up() { for _ in $(seq 1 240); do curl -fs "$1/health/live" >/dev/null 2>&1 || curl -fs "$1/health" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }

# ---- Api: 800 distinct 1 MB documents
port=$(free_port)
dotnet "$ROOT/src/Api/bin/Release/net10.0/GraphReports.Api.dll" --urls "http://127.0.0.1:$port" \
  "--GraphReports:Storage:Path=$WORK/api.db" --GraphReports:Demo:Events=3000 --GraphReports:RateLimits:Enabled=false \
  >"$WORK/api.log" 2>&1 &
api=$!
wait_up "http://127.0.0.1:$port"
base=$(status $api VmRSS)
python3 - "$port" "$WORK" <<'PY'
import json, sys, http.client, time, concurrent.futures
port = int(sys.argv[1])
def one(i):
    doc = "{ __typename }\n#" + (str(i) * 1_000_000)[:1_000_000]
    body = json.dumps({"query": doc}).encode()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    c.request("POST", "/graphql", body, {"Content-Type": "application/json", "Authorization": "Bearer demo-acme-api-key"})
    r = c.getresponse(); r.read(); return r.status
start = time.time()
with concurrent.futures.ThreadPoolExecutor(4) as pool: statuses = list(pool.map(one, range(800)))
open(sys.argv[2] + "/api.txt", "w").write(f"{time.time() - start:.1f} s, statuses {sorted(set(statuses))}")
PY
sleep 2
echo "api, 800 distinct 1 MB documents: RSS $(mib $base) MiB before, peak $(mib $(status $api VmHWM)) MiB, $(mib $(status $api VmRSS)) MiB after; $(cat "$WORK/api.txt")"
kill $api; wait $api 2>/dev/null || true

# ---- Indexer: 8 concurrent gzip bodies of ~58 MB decompressed
python3 - "$WORK/body.ndjson.gz" <<'PY'
import gzip, json, sys, datetime
ts = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)).isoformat()
with gzip.open(sys.argv[1], "wt") as f:
    for i in range(10_000):
        f.write(json.dumps({"id": f"h-{i}", "type": "search", "timestamp": ts, "user": "u", "session": "s",
                            "search": {"kind": "text", "text": "x" * 2040, "expression": "y" * 2040, "filters": [{"field": "f", "value": "v" * 1500}]}}) + "\n")
PY
port=$(free_port)
dotnet "$ROOT/src/Indexer/bin/Release/net10.0/GraphReports.Indexer.dll" serve --urls "http://127.0.0.1:$port" \
  "--GraphReports:Storage:Path=$WORK/indexer.db" --GraphReports:RateLimits:Enabled=false >"$WORK/indexer.log" 2>&1 &
indexer=$!
wait_up "http://127.0.0.1:$port"
base=$(status $indexer VmRSS)
start=$(date +%s.%N)
for i in $(seq 1 8); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port/v1/events" -H 'Authorization: Bearer demo-acme-ingest-key' \
    -H 'Content-Type: application/x-ndjson' -H 'Content-Encoding: gzip' --data-binary "@$WORK/body.ndjson.gz" >"$WORK/curl.$i" &
done
wait $(jobs -p | grep -v "^$indexer$") 2>/dev/null || true
end=$(date +%s.%N)
sleep 1
echo "indexer, 8 concurrent gzip bodies ($(stat -c %s "$WORK/body.ndjson.gz") B, $(gzip -dc "$WORK/body.ndjson.gz" | wc -c) B decompressed): RSS $(mib $base) MiB before, peak $(mib $(status $indexer VmHWM)) MiB, $(mib $(status $indexer VmRSS)) MiB after; answers $(cat "$WORK"/curl.* | awk '{print $1}' | sort | uniq -c | tr '\n' ' ')in $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}') s, slowest $(cat "$WORK"/curl.* | awk '{print $2}' | sort -n | tail -1) s"
kill $indexer; wait $indexer 2>/dev/null || true
