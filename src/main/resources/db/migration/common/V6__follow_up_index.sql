-- analytics: "has this patient seen this clinician before?" answered from one index (the follow-up count runs it
-- once per appointment); without it PostgreSQL intersected two single-column indexes per row, quadratic in a
-- clinician's appointments (measured by ListBenchmark: over 30 s at 20,000 rows)
CREATE INDEX ix_appointments_patient_clinician ON appointments (patient_id, clinician_id, starts_at);
