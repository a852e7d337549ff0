-- wrk script for the marketplace benchmark: pages 0..49 of the feed, 20 cards each, in random order,
-- as the rep whose token is in TOKEN. Prints the latency percentiles and the answers per status.
local token = os.getenv("TOKEN")
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
    math.randomseed(os.time() + #threads)
end

function request()
    return wrk.format("GET", "/portal/api/marketplace?size=20&page=" .. math.random(0, 49),
        { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total, line = {}, ""
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    for status, count in pairs(total) do line = line .. " " .. status .. "=" .. count end
    io.write(string.format("pages %d in %.1f s, %.0f pages/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; answers:%s\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, line))
end
