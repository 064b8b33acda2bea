-- wrk script: POSTs schema/examples/dashboard.graphql (file named by QUERY_FILE) with the variables in VARIABLES
-- (a JSON object) and the API key in API_KEY; counts answers that are not a 200 without GraphQL errors.
local file = assert(io.open(os.getenv("QUERY_FILE"), "r"))
local query = file:read("*a"):gsub("%s+$", "")
file:close()
local function json_string(s) return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub("\n", "\\n") .. '"' end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")
wrk.body = '{"query":' .. json_string(query) .. ',"variables":' .. (os.getenv("VARIABLES") or "{}") .. '}'

local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) bad = 0 end
response = function(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("bad %d\n", total))
  io.write(string.format("p50_ms %.1f\np99_ms %.1f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
