-- When wrk is done, writes its latency percentile spectrum (50 to 99.99 %) as JSON to the file named by the
-- environment variable SHOWDOWN_WRK_PERCENTILES (nothing when it is unset). The bench appends this to the script
-- it runs (random-id.lua or none), since wrk takes one script; by hand:
--   SHOWDOWN_WRK_PERCENTILES=/tmp/p.json wrk -t2 -c64 -d10s -s bench/wrk/percentiles.lua http://127.0.0.1:8080/ping
-- Latencies are in microseconds, as wrk keeps them: {"tool":"wrk","unit":"us","requests":N,
-- "percentiles":[{"percentile":50,"latency_us":612},...],"max_us":M}.

local spectrum = {50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99}

function done(summary, latency, requests)
  local path = os.getenv("SHOWDOWN_WRK_PERCENTILES")
  if path == nil or path == "" then
    return
  end
  local out = assert(io.open(path, "w"))
  out:write('{"tool":"wrk","unit":"us","requests":', string.format("%d", summary.requests), ',"percentiles":[')
  for i, p in ipairs(spectrum) do
    out:write(string.format('%s{"percentile":%s,"latency_us":%d}', i > 1 and "," or "", p, latency:percentile(p)))
  end
  out:write(string.format('],"max_us":%d}\n', latency.max))
  out:close()
end
