-- A bare endpoint in the same JVM (BARE_PATH, by default /actuator/health/liveness: no database, no security
-- context beyond the filter chain): what the server, its filters and Tomcat cost before any module is involved.
local common = dofile(os.getenv("BENCH_LOAD") .. "/common.lua")
setup, response, done = common.setup, common.response, common.done

function init(args)
   prepared = wrk.format("GET", common.env("BARE_PATH", "/actuator/health/liveness"))
end

function request()
   return prepared
end
