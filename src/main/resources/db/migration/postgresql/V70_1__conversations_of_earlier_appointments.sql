-- the pairs that met before conversations existed have one too
INSERT INTO conversations (public_id, patient_id, clinician_id, created_at)
SELECT gen_random_uuid(), pair.patient_id, pair.clinician_id, pair.first_booked
FROM (SELECT patient_id, clinician_id, MIN(created_at) AS first_booked FROM appointments
      GROUP BY patient_id, clinician_id) pair;
