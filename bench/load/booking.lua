-- Booking: POST /mibo/api/booking/create as the booking patients in turn, every request a different free slot
-- (see common.booking_requests): a 409 here means the server refused a free slot, not a lost race.
local common = dofile(os.getenv("BENCH_LOAD") .. "/common.lua")
setup, response, done = common.setup, common.response, common.done

function init(args)
   next_booking = common.booking_requests()
end

function request()
   return next_booking()
end
