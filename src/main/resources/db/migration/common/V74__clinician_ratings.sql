-- directory: each patient's rating of a clinician who cares for them; the clinician's rating is their average
CREATE TABLE clinician_ratings (
    patient_id    BIGINT        NOT NULL REFERENCES patients (id),
    clinician_id  BIGINT        NOT NULL REFERENCES clinicians (id),
    score         NUMERIC(2, 1) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_clinician_ratings PRIMARY KEY (clinician_id, patient_id),
    CONSTRAINT ck_clinician_ratings_score CHECK (score >= 1 AND score <= 5)
);
