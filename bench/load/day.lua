-- A clinician's day: GET /mibo/api/appointments?clinicianId=&date= as the administrator, on a day whose every slot is
-- booked (16 appointments, each of another patient).
local common = dofile(os.getenv("BENCH_LOAD") .. "/common.lua")
setup, response, done = common.setup, common.response, common.done

function init(args)
   prepared = common.day_request()
end

function request()
   return prepared
end
