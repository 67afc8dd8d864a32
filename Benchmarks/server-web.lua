-- wrk script of Benchmarks/server-web: every request GETs PAPI_WRK_PATH with the session cookie
-- of the next of the signed-in leaders (PAPI_WRK_COOKIES: one `name=value` a line), so that the
-- connections stand for that many leaders; counts the replies that are not 200 (a 303 to the
-- sign-in form would be fast and wrong); prints one RESULT line with the latency percentiles.
local cookies = {}
for line in io.lines(os.getenv("PAPI_WRK_COOKIES")) do
  if line ~= "" then cookies[#cookies + 1] = line end
end
local path = os.getenv("PAPI_WRK_PATH")
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("offset", next_id * 7)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = offset
  bad = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", path, { ["Cookie"] = cookies[(counter % #cookies) + 1] })
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do not_ok = not_ok + thread:get("bad") end
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f not_200=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, not_ok,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
