#!/usr/bin/env bash
# Does one key's heavy work delay another key's dashboard? Starts the Api (demo data, default limits),
# times schema/examples/dashboard.graphql for globex alone, then again while acme keeps 8 requests of the
# heaviest kind the budget admits (5 aliases of a two-year daily distinct-users trend, cost 9,656) in flight.
#   bench/Hostile/starvation.sh [repo-root] [demo events]
set -euo pipefail
ROOT="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
EVENTS="${2:-250000}"
WORK=$(mktemp -d /tmp/graphreports-starve-XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet "$ROOT/src/Api/bin/Release/net10.0/GraphReports.Api.dll" --urls "http://127.0.0.1:$port" \
  "--GraphReports:Storage:Path=$WORK/api.db" "--GraphReports:Demo:Events=$EVENTS" >"$WORK/api.log" 2>&1 &
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
python3 - "$port" "$ROOT/schema/examples/dashboard.graphql" <<'PY'
import json, sys, http.client, time, threading, statistics, datetime
port, dashboard = int(sys.argv[1]), open(sys.argv[2]).read()
def post(key, query):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    c.request("POST", "/graphql", json.dumps({"query": query}).encode(), {"Content-Type": "application/json", "Authorization": "Bearer " + key})
    r = c.getresponse(); body = r.read(); return r.status, body
def timed(n):
    out = []
    for _ in range(n):
        t = time.time(); s, b = post("demo-globex-api-key", dashboard); out.append(time.time() - t)
        assert s == 200 and b"errors" not in b, b[:300]
    return sorted(out)
today = datetime.date.today()
frm = (today - datetime.timedelta(days=729)).isoformat()
heavy = "{ environment { " + " ".join(f'a{i}: activity(filter: {{ period: {{ from: "{frm}", to: "{today.isoformat()}" }} }}, measure: USERS) {{ total trend(interval: DAY) {{ value }} }}' for i in range(5)) + " } }"
s, b = post("demo-acme-api-key", heavy); print("heavy request:", s, b[:120])
timed(3)
alone = timed(15)
stop = False; counts = {}
def hammer():
    while not stop:
        s, _ = post("demo-acme-api-key", heavy); counts[s] = counts.get(s, 0) + 1
threads = [threading.Thread(target=hammer) for _ in range(8)]
for t in threads: t.start()
time.sleep(3)
busy = timed(15)
stop = True
for t in threads: t.join()
p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
print(f"dashboard (globex) alone: median {statistics.median(alone):.3f} s, p99 {p(alone, .99):.3f} s")
print(f"dashboard (globex) while acme runs 8 heavy requests at once: median {statistics.median(busy):.3f} s, p99 {p(busy, .99):.3f} s; acme's answers {counts}")
PY
