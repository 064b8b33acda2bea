-- wrk script: POSTs the GraphQL document in the file named by the environment variable QUERY_FILE.
local file = assert(io.open(os.getenv("QUERY_FILE"), "r"))
local query = file:read("*a"):gsub("%s+$", "")
file:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.body = '{"query":"' .. query:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub("\n", "\\n") .. '"}'

-- Counts non-200 answers (per thread, summed at the end) so that a run answering errors cannot pass for a fast one.
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) bad = 0 end
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("non200 %d\n", total))
end
