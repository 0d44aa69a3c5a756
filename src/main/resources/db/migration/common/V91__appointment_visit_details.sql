-- scheduling: what the two parties write on an appointment beside its notes (hcp's medical_history, doctor_notes,
-- patient_feedback, follow-up), and when the visit actually started and ended (set by the clinician's start and end)
ALTER TABLE appointments ADD COLUMN medical_history VARCHAR(5000);
ALTER TABLE appointments ADD COLUMN doctor_notes VARCHAR(5000);
ALTER TABLE appointments ADD COLUMN patient_feedback VARCHAR(5000);
ALTER TABLE appointments ADD COLUMN requires_follow_up BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE appointments ADD COLUMN follow_up_date TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointments ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointments ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
