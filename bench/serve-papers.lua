-- bench/serve.sh's wrk script, in one of two modes. With PAPER_IDS (a file of ids, one a line): GET /papers/<id> for ids
-- drawn at random. Without: GET the path wrk was given under a new Host header each time; the reader's page cache is
-- keyed by URL, Host and the store's version, so every request misses it (what a search costs when it is not a repeat).
-- Each wrk thread has its own seed, so the threads do not ask for the same things.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 7919 + seed)
  local file = os.getenv("PAPER_IDS")
  if file and file ~= "" then
    ids = {}
    for line in io.lines(file) do ids[#ids + 1] = line end
  end
end

function request()
  if ids then return wrk.format("GET", "/papers/" .. ids[math.random(#ids)]) end
  return wrk.format("GET", nil, { ["Host"] = "h" .. math.random(1, 2000000000) .. ".test" })
end
