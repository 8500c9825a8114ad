-- GET <prefix><id><suffix> with a uniformly random id in 1..max, a fresh draw per request.
-- Usage: wrk -t2 -c64 -d10s -s bench/wrk/random-id.lua http://127.0.0.1:8082 -- /data/ 10000
-- (the bench passes the same arguments; suffix, the third one, is optional).

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  prefix = args[1] or "/"
  max = tonumber(args[2] or "10000")
  suffix = args[3] or ""
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  return wrk.format("GET", prefix .. math.random(1, max) .. suffix)
end
