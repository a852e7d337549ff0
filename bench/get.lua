-- wrk script: GET URLPATH with the bearer token in TOKEN, as the floor of an authenticated request.
local token = os.getenv("TOKEN")
local path = os.getenv("URLPATH")

function request()
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end
