-- wrk script: POST one document to the validate endpoint, over and over.
-- The document comes from the environment variable DOC (a file path).
local path = os.getenv("DOC")
local f = assert(io.open(path, "rb"), "cannot read " .. tostring(path))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write("------------------------------------------------------------\n")
  io.write(string.format("document        %s (%d bytes)\n", path, #body))
  io.write(string.format("requests        %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("requests/s      %.0f\n", summary.requests / seconds))
  io.write(string.format("latency p50     %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p90     %.2f ms\n", latency:percentile(90) / 1000))
  io.write(string.format("latency p99     %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max     %.2f ms\n", latency.max / 1000))
  io.write(string.format("errors          connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
