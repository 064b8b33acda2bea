-- wrk script: POSTs schema/examples/dashboard.graphql (QUERY_FILE) for the month MONTH with the api key KEY,
-- and counts non-200 answers so that a run answering errors cannot pass for a fast one.
local file = assert(io.open(os.getenv("QUERY_FILE"), "r"))
local query = file:read("*a"):gsub("%s+$", "")
file:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
wrk.body = '{"query":"' .. query:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub("\n", "\\n")
  .. '","variables":{"month":"' .. os.getenv("MONTH") .. '"}}'

local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) bad = 0 end
response = function(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("non200 %d\n", total))
end
