-- scheduling: the appointment's date and time as the clinician's clock shows them (and that zone), so that
-- filtering by a date is one indexed comparison and every face renders the same local time
ALTER TABLE appointments ADD COLUMN local_date DATE;
ALTER TABLE appointments ADD COLUMN local_time TIME;
ALTER TABLE appointments ADD COLUMN time_zone VARCHAR(64);
CREATE INDEX ix_appointments_local_date ON appointments (local_date);
