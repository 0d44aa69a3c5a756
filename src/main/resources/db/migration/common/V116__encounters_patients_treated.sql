-- clinical: how many patients a clinician has treated (distinct patients with a saved consultation), counted from
-- the index alone
CREATE INDEX ix_encounters_clinician_patient ON encounters (clinician_id, patient_id);
