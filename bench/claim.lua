-- wrk script for the claim benchmark: every request claims a lead no other request of the run
-- claims. The plan file has one line per rep, "token id id ...": wrk's threads share the reps out,
-- and each thread sends its reps' claims in turn. Prints the answers per status at the end.
local plan = os.getenv("PLAN")
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("index", counter)
    table.insert(threads, thread)
end

function init(args)
    local count = tonumber(os.getenv("THREADS"))
    reps, statuses, n = {}, {}, 0
    local line_no = 0
    for line in io.lines(plan) do
        line_no = line_no + 1
        if line_no % count == index - 1 then
            local rep = { ids = {}, next = 1 }
            for word in line:gmatch("%S+") do
                if rep.token == nil then rep.token = word else table.insert(rep.ids, word) end
            end
            table.insert(reps, rep)
        end
    end
end

function request()
    for _ = 1, #reps do
        n = n % #reps + 1
        local rep = reps[n]
        local id = rep.ids[rep.next]
        if id ~= nil then
            rep.next = rep.next + 1
            return wrk.format("POST", "/portal/api/leads/" .. id .. "/claim",
                { ["Authorization"] = "Bearer " .. rep.token, ["Accept"] = "application/json" })
        end
    end
    used_up = true -- every lead of this thread's plan tried: the rate is then taken from the database (run.sh)
    return wrk.format("GET", "/portal/api/plan-used-up") -- answered 401 (no token), not counted
end

function response(status, headers, body)
    if used_up and status == 401 then
        wrk.thread:stop() -- no more requests from this thread (the claims it has under way are stored uncounted)
        return
    end
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    local won = total[200] or 0
    local line = ""
    for status, count in pairs(total) do line = line .. " " .. status .. "=" .. count end
    for _, thread in ipairs(threads) do
        if thread:get("used_up") then line = line .. "; plan used up" break end
    end
    io.write(string.format("claims won %d in %.1f s, %.0f claims/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; answers:%s\n",
        won, summary.duration / 1e6, won / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, line))
end
