-- wrk script: POSTs one event of 3 (impression, click, rating) per request, each with a new id, either as a
-- beacon (MODE=beacon: text/plain, Origin, ?key= in the URL) or to /v1/events (MODE=events: bearer ingest
-- key, application/json). Counts answers other than the expected status so an erroring run cannot pass for a fast one.
local mode = os.getenv("MODE")
local thread_id = 0
local threads = {}
setup = function(thread) thread_id = thread_id + 1; thread:set("tid", thread_id); table.insert(threads, thread) end
init = function(args) bad = 0; n = 0; prefix = os.getenv("RUN") .. "-" .. tid .. "-" end
request = function()
  n = n + 1
  local body = string.format('[{"id":"%s%d","type":"asset.impression","timestamp":"%s","asset":{"id":"ast-%d"},"page":"http://localhost:8000/shop"}]',
    prefix, n, os.getenv("STAMP"), n % 500)
  if mode == "beacon" then
    return wrk.format("POST", "/v1/beacons?key=demo-acme-site-key", { ["Content-Type"] = "text/plain;charset=UTF-8", ["Origin"] = "http://localhost:8000" }, body)
  end
  return wrk.format("POST", "/v1/events", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer demo-acme-ingest-key" }, body)
end
response = function(status, headers, body)
  local expected = (mode == "beacon") and 204 or 200
  if status ~= expected then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("unexpected %d\n", total))
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
