-- The dashboard's month-over-month trends count what was registered, joined and booked in a month: each on an
-- index of its creation time rather than a read of the whole table.
CREATE INDEX ix_patients_created ON patients (created_at);
CREATE INDEX ix_clinicians_created ON clinicians (created_at);
CREATE INDEX ix_appointments_created ON appointments (created_at);
