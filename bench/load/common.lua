-- Shared by the scenario scripts (loaded with dofile, in wrk's main state and in every thread's state).
-- run.sh passes everything through the environment: BENCH_DATA is the directory of the files it wrote while
-- seeding (ids, dates, tokens), and each scenario reads only what it needs.

local common = {}

local data = os.getenv("BENCH_DATA") or error("BENCH_DATA is not set: start the scenarios through run.sh")

-- The non-empty lines of one of the seed files.
function common.lines(name)
   local out = {}
   for line in io.lines(data .. "/" .. name) do
      if line ~= "" then out[#out + 1] = line end
   end
   if #out == 0 then error(name .. " is empty") end
   return out
end

-- The first line of a seed file (a token, an id).
function common.value(name)
   return common.lines(name)[1]
end

function common.env(name, default)
   local v = os.getenv(name)
   if v == nil or v == "" then return default end
   return v
end

function common.bearer(token)
   return { ["Authorization"] = "Bearer " .. token }
end

-- Thread bookkeeping: setup() numbers the threads (0..n-1) so that each one can take its own share of the slots a
-- booking run generates; response() counts statuses per thread; done() adds them up and prints one RESULT line that
-- run.sh reads (latencies in milliseconds).
local threads = {}

function common.setup(thread)
   thread:set("thread_index", #threads)
   threads[#threads + 1] = thread
end

-- run.sh starts wrk with WRK_THREADS threads and exports the same number.
function common.thread_count()
   return tonumber(common.env("WRK_THREADS", "2"))
end

-- A cyclic list of prepared requests: building them in init() keeps wrk's own CPU low during the run.
function common.cycle(list)
   local i = 0
   return function()
      i = i % #list + 1
      return list[i]
   end
end

-- Slot search on a clinician and day picked at random in the seeded weeks (about a quarter of their slots taken).
function common.slot_requests(count)
   local clinicians, days = common.lines("clinicians.txt"), common.lines("seed-days.txt")
   math.randomseed(7919 * (thread_index + 1))
   local list = {}
   for i = 1, count do
      list[i] = wrk.format("GET", string.format("/mibo/api/booking/available-slots?clinicianId=%s&date=%s",
         clinicians[math.random(#clinicians)], days[math.random(#days)]))
   end
   return common.cycle(list)
end

-- A clinician's full day, as the administrator sees it in the staff list.
function common.day_request()
   return wrk.format("GET", string.format("/mibo/api/appointments?clinicianId=%s&date=%s",
      common.value("day-clinician.txt"), common.value("day-date.txt")), common.bearer(common.value("admin.token")))
end

-- The heavy patient's own 50 appointments.
function common.patient_request()
   return wrk.format("GET", "/mibo/api/booking/my-appointments?limit=50",
      common.bearer(common.value("heavy-patient.token")))
end

-- Patient bookings, each of a slot that no other request of any run takes: booking cell g (this thread takes
-- g = thread_index, thread_index + threads, ...) is clinician g mod C, slot (g / C) mod S, and booking day
-- BOOK_OFFSET + g / (C * S) of book-days.txt (working days after the seeded weeks). run.sh moves BOOK_OFFSET past
-- last_day after every run, so that the next run starts on untouched days.
function common.booking_requests()
   local clinicians, days = common.lines("clinicians.txt"), common.lines("book-days.txt")
   local times, tokens = common.lines("slot-times.txt"), common.lines("booking-patients.tokens")
   local offset, threads_n = tonumber(common.env("BOOK_OFFSET", "0")), common.thread_count()
   local per_day = #clinicians * #times
   local headers = {}
   for i, token in ipairs(tokens) do
      headers[i] = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
   end
   local k = 0
   last_day = -1
   return function()
      local g = k * threads_n + thread_index
      k = k + 1
      local day = offset + math.floor(g / per_day)
      if day >= #days then error("book-days.txt has no day " .. day .. ": raise BOOK_DAYS") end
      if day > last_day then last_day = day end
      local body = string.format(
         '{"clinicianId":%s,"appointmentDate":"%s","appointmentTime":"%s","sessionType":"ONLINE"}',
         clinicians[g % #clinicians + 1], days[day + 1], times[math.floor(g / #clinicians) % #times + 1])
      return wrk.format("POST", "/mibo/api/booking/create", headers[g % #headers + 1], body)
   end
end

statuses = {}

function common.response(status)
   statuses[status] = (statuses[status] or 0) + 1
end

function common.done(summary, latency, extra)
   local counts, non2xx, responses = {}, 0, 0
   local last_day = -1
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses") or {}) do
         counts[status] = (counts[status] or 0) + n
         responses = responses + n
         if status < 200 or status > 299 then non2xx = non2xx + n end
      end
      local d = thread:get("last_day")
      if d ~= nil and d > last_day then last_day = d end
   end
   local codes = {}
   for status, n in pairs(counts) do codes[#codes + 1] = status .. ":" .. n end
   table.sort(codes)
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d "
         .. "socket_errors=%d codes=%s last_day=%d\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, non2xx,
      e.connect + e.read + e.write + e.timeout, table.concat(codes, ","), last_day))
end

return common
