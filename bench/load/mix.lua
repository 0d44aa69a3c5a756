-- The mix, in every run of ten requests: 6 slot searches, 1 clinician's day, 1 patient's 50 appointments and
-- 2 bookings (60 % search, 20 % lists, 20 % booking), interleaved in a fixed order.
local common = dofile(os.getenv("BENCH_LOAD") .. "/common.lua")
setup, response, done = common.setup, common.response, common.done

function init(args)
   local slot, book = common.slot_requests(1000), common.booking_requests()
   local day, patient = common.day_request(), common.patient_request()
   local pattern = { slot, slot, book, slot, function() return day end, slot, slot, book,
      function() return patient end, slot }
   local i = 0
   next_request = function()
      i = i % #pattern + 1
      return pattern[i]()
   end
end

function request()
   return next_request()
end
