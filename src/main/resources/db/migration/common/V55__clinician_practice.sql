-- What the admin panel keeps of a clinician's practice beside the profile: the title shown on their card, their
-- professional registration, how they consult (in person, online) and the areas they treat.
ALTER TABLE clinicians ADD COLUMN designation VARCHAR(120);
ALTER TABLE clinicians ADD COLUMN registration_number VARCHAR(100);
ALTER TABLE clinicians ADD COLUMN consultation_modes VARCHAR(40);

CREATE TABLE clinician_expertise (
    clinician_id BIGINT NOT NULL REFERENCES clinicians (id),
    position     INT    NOT NULL,
    name         VARCHAR(200) NOT NULL,
    PRIMARY KEY (clinician_id, position)
);
