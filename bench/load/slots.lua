-- Slot search: GET /mibo/api/booking/available-slots?clinicianId=&date= (public), on random clinicians and days.
local common = dofile(os.getenv("BENCH_LOAD") .. "/common.lua")
setup, response, done = common.setup, common.response, common.done

function init(args)
   next_request = common.slot_requests(1000)
end

function request()
   return next_request()
end
