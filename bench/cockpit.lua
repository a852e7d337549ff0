-- wrk script: GETs the paths in PATHS (space-separated) in turn with the bearer token in TOKEN, or
-- with the session cookie in COOKIE; prints requests/s and the latency's p50, p95 and p99.
local token = os.getenv("TOKEN")
local cookie = os.getenv("COOKIE")
local paths = {}
for p in string.gmatch(os.getenv("PATHS"), "%S+") do paths[#paths + 1] = p end
local n = 0

function request()
    n = n + 1
    local headers = { ["Accept"] = cookie and "text/html" or "application/json" }
    if token then headers["Authorization"] = "Bearer " .. token end
    if cookie then headers["Cookie"] = cookie end
    return wrk.format("GET", paths[(n % #paths) + 1], headers)
end

function done(summary, latency, requests)
    io.write(string.format("requests %d, %.0f/s, errors %d; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
        summary.requests, summary.requests / (summary.duration / 1e6),
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
