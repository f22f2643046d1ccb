-- bench/serve.sh: GET the path wrk was given under a new Host header each time. The reader's page cache is keyed by
-- URL, Host and the store's version, so every request misses it: what a search costs when it is not a repeat.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 7919 + seed)
end

function request()
  return wrk.format("GET", nil, { ["Host"] = "h" .. math.random(1, 2000000000) .. ".test" })
end
