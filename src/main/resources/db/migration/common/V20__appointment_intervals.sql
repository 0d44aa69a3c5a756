-- scheduling: an appointment occupies [starts_at, ends_at) of its clinician's time, and at most a day of it (the
-- bound lets every overlap query look back one day at most, on an index).
--
-- Two active (not cancelled) appointments of one clinician never overlap, whichever face booked them: the
-- database refuses the second, however concurrent the inserts (or moves) are. The rule is vendor-specific:
--   PostgreSQL (postgresql/V20_1): an exclusion constraint, clinician_id WITH = and tstzrange(starts_at, ends_at)
--     WITH &&, over the rows not cancelled (btree_gist). A concurrent insert waits for the other transaction and is
--     refused once it commits (SQLSTATE 23P01).
--   H2 (h2/V20_1): a BEFORE INSERT/UPDATE row trigger (scheduling.internal.H2OverlapGuard) that first locks the
--     clinician's row (SELECT ... FOR UPDATE), so that writers of one clinician's appointments take turns until
--     commit, then looks for an overlapping active appointment and refuses with SQLSTATE 23P01.
-- uk_appointments_clinician_slot (clinician_id, slot_hold) stays: an active appointment's start, unique per clinician,
-- is implied by the overlap rule and kept for the SQL that still reads or writes slot_hold.
ALTER TABLE appointments ADD CONSTRAINT ck_appointments_interval
    CHECK (ends_at > starts_at AND ends_at <= starts_at + INTERVAL '1' DAY);

-- a clinician's day (GET /appointments?clinicianId=&date=) on one index
CREATE INDEX ix_appointments_clinician_day ON appointments (clinician_id, local_date);
