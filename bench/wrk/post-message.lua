-- wrk: a new message of about 100 bytes per request, as the benchmark sends them.
--   wrk -t2 -c32 -d30s -s bench/wrk/post-message.lua http://127.0.0.1:5001                    (F json: POST /messages)
--   ROUTE=/fetching_message wrk -t2 -c32 -d30s -s bench/wrk/post-message.lua http://127.0.0.1:5002   (L1)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local route = os.getenv("ROUTE") or "/messages"
local padding = string.rep("x", 60)
local sent = 0
local threads = 0

-- Every wrk thread runs its own copy of this script with the same random sequence unless seeded apart: without this,
-- each thread would send the other's ids again, and half the requests on /fetching_message would be duplicates.
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + thread_number)
end

local function uuid()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffffffffffff))
end

request = function()
  sent = sent + 1
  local text = string.format("wrk %d-%d %s", thread_number, sent, uuid() .. padding)
  local body = route == "/fetching_message"
    and string.format('{"UUID":"%s","msg":"%s"}', uuid(), text)
    or string.format('{"msg":"%s"}', text)
  return wrk.format(nil, route, nil, body)
end

-- wrk counts sockets that failed and answers of 4xx/5xx as errors; the table shows them beside the p99.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("p99 %.2f ms\nerrors %d\n", latency:percentile(99) / 1000,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout))
end
