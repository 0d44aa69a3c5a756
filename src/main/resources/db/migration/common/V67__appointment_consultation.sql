-- scheduling: how a consultation takes place (IN_PERSON, HOME, ONLINE, VIDEO, CHAT) beside the session type the slot
-- grid and the centre's rooms go by; existing appointments keep their session type's name (ONLINE, IN_PERSON).
ALTER TABLE appointments ADD COLUMN consultation_type VARCHAR(20) NOT NULL DEFAULT 'IN_PERSON';
UPDATE appointments SET consultation_type = session_type WHERE consultation_type <> session_type;
-- what the patient reports (a JSON array of strings) and where a home visit takes place (JSON text, as sent)
ALTER TABLE appointments ADD COLUMN symptoms VARCHAR(10000);
ALTER TABLE appointments ADD COLUMN visit_location VARCHAR(10000);
-- a removed appointment is cancelled (its time freed) and shown to nobody; the clinic's own processes (notices,
-- refunds of its payment) still read it
ALTER TABLE appointments ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;

-- the lists' filters and orders on indexes: a patient's days, a consultation type by start, newest bookings
CREATE INDEX ix_appointments_patient_day ON appointments (patient_id, local_date);
CREATE INDEX ix_appointments_type_starts ON appointments (consultation_type, starts_at);
CREATE INDEX ix_appointments_clinician_created ON appointments (clinician_id, created_at);
CREATE INDEX ix_appointments_patient_created ON appointments (patient_id, created_at);
