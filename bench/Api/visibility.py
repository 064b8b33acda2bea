#!/usr/bin/env python3
"""How long an event posted to the Indexer takes to show in the dashboard the Api serves (bench/RESULTS.md).

Posts one search event of the open month (a fresh id, timestamp now) to the Indexer's POST /v1/events and,
once it is acknowledged (durable), asks the Api for the very dashboard request wrk sends (same document,
same variables, so the same kept response) every 10 ms until summary.searches.current has grown by one.
Prints each delay and their median and maximum. Meant to run while wrk loads the Api (bench/Api/run.sh).

Usage: visibility.py <indexer url> <ingest key> <api /graphql url> <api key> <dashboard.graphql> <month> [probes=10]
"""
import datetime
import json
import statistics
import sys
import time
import urllib.request
import uuid


def post(url, key, body, content_type):
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Authorization": f"Bearer {key}", "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def main():
    indexer, ingest_key, api, api_key, document, month = sys.argv[1:7]
    probes = int(sys.argv[7]) if len(sys.argv) > 7 else 10
    # Byte for byte what bench/Api/dashboard.lua sends: the document without trailing space, compact variables.
    query = open(document).read().rstrip()
    dashboard = json.dumps({"query": query, "variables": {"month": month}}, separators=(",", ":")).encode()

    def searches():
        answer = post(api, api_key, dashboard, "application/json")
        if "errors" in answer:
            raise SystemExit(f"the dashboard answers errors: {answer['errors']}")
        return answer["data"]["environment"]["summary"]["searches"]["current"]

    delays = []
    for probe in range(probes):
        before = searches()
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        event = {"id": f"probe-{uuid.uuid4()}", "type": "search", "timestamp": now, "user": "probe.user",
                 "session": f"probe-{probe}", "search": {"kind": "text", "text": "probe", "results": 1}}
        acknowledged = post(f"{indexer}/v1/events", ingest_key, (json.dumps(event) + "\n").encode(), "application/x-ndjson")
        if acknowledged.get("accepted") != 1:
            raise SystemExit(f"the Indexer did not accept the probe: {acknowledged}")
        stored = time.monotonic()
        while searches() < before + 1:
            if time.monotonic() - stored > 30:
                raise SystemExit("the probe did not show within 30 s")
            time.sleep(0.01)
        delays.append((time.monotonic() - stored) * 1000)
        print(f"probe {probe}: visible {delays[-1]:.0f} ms after the Indexer acknowledged it", flush=True)
        time.sleep(0.3)  # probes start at different points of a kept response's life
    print(f"visible after: median {statistics.median(delays):.0f} ms, max {max(delays):.0f} ms ({probes} probes)")


if __name__ == "__main__":
    main()
