-- directory: the diabetes a patient lives with (DiabCare's typeDiabete), when known
ALTER TABLE patients ADD COLUMN diabetes_type VARCHAR(20);
ALTER TABLE patients ADD CONSTRAINT ck_patients_diabetes_type
    CHECK (diabetes_type IN ('TYPE_1', 'TYPE_2', 'GESTATIONAL', 'PREDIABETES', 'OTHER'));
