-- A patient's 50 appointments: GET /mibo/api/booking/my-appointments?limit=50 as the patient who has exactly 50.
local common = dofile(os.getenv("BENCH_LOAD") .. "/common.lua")
setup, response, done = common.setup, common.response, common.done

function init(args)
   prepared = common.patient_request()
end

function request()
   return prepared
end
