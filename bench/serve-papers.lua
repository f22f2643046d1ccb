-- bench/serve.sh: GET /papers/<id> for ids drawn at random from the file named by PAPER_IDS (one id a line),
-- each wrk thread with its own seed so the threads do not ask for the same papers.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  ids = {}
  for line in io.lines(os.getenv("PAPER_IDS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() * 7919 + seed)
end

function request()
  return wrk.format("GET", "/papers/" .. ids[math.random(#ids)])
end
