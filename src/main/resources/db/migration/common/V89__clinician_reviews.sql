-- directory: a patient's review of a completed appointment with a clinician (the table V2 laid out), one per
-- appointment, with the original product's sub-ratings and anonymity. Its rating feeds the clinician's rating together
-- with the per-patient ratings of clinician_ratings: clinicians.rating is the average of every score of both kinds,
-- clinicians.rating_count how many there are.
ALTER TABLE clinician_reviews ADD COLUMN communication_rating INT;
ALTER TABLE clinician_reviews ADD COLUMN treatment_rating INT;
ALTER TABLE clinician_reviews ADD COLUMN punctuality_rating INT;
ALTER TABLE clinician_reviews ADD COLUMN anonymous BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE clinician_reviews ADD CONSTRAINT uk_clinician_reviews_appointment UNIQUE (appointment_id);
ALTER TABLE clinician_reviews ADD CONSTRAINT ck_clinician_reviews_communication
    CHECK (communication_rating IS NULL OR communication_rating BETWEEN 1 AND 5);
ALTER TABLE clinician_reviews ADD CONSTRAINT ck_clinician_reviews_treatment
    CHECK (treatment_rating IS NULL OR treatment_rating BETWEEN 1 AND 5);
ALTER TABLE clinician_reviews ADD CONSTRAINT ck_clinician_reviews_punctuality
    CHECK (punctuality_rating IS NULL OR punctuality_rating BETWEEN 1 AND 5);
CREATE INDEX ix_clinician_reviews_clinician_created ON clinician_reviews (clinician_id, created_at);
