-- directory: at most one live (PENDING or ACCEPTED) request of a patient to a clinician (see common/V81). H2 has no
-- partial index: a generated column is TRUE on a live row and NULL otherwise, and NULLs never collide in a unique key,
-- so declined requests pile up freely while a second live one is refused.
ALTER TABLE patient_requests ADD COLUMN live_pair BOOLEAN
    GENERATED ALWAYS AS (CASE WHEN status IN ('PENDING', 'ACCEPTED') THEN TRUE END);
ALTER TABLE patient_requests ADD CONSTRAINT uk_patient_requests_live_pair UNIQUE (patient_id, clinician_id, live_pair);
