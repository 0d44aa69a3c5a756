-- a patient's in-app inbox: the messages sent to them, each read or not
ALTER TABLE deliveries ADD COLUMN read_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_deliveries_patient_read ON deliveries (patient_id, read_at);
