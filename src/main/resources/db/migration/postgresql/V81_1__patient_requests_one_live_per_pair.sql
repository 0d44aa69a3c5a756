-- directory: at most one live (PENDING or ACCEPTED) request of a patient to a clinician (see common/V81), however
-- concurrent the requests: a partial unique index over the live rows only.
CREATE UNIQUE INDEX uk_patient_requests_live_pair ON patient_requests (patient_id, clinician_id)
    WHERE status IN ('PENDING', 'ACCEPTED');
