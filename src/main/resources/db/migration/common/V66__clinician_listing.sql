-- directory: whether a clinician is listed to the public, where they receive, and how patients rate them
ALTER TABLE clinicians ADD COLUMN address VARCHAR(500);
ALTER TABLE clinicians ADD COLUMN listed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE clinicians ADD COLUMN rating NUMERIC(3, 2) NOT NULL DEFAULT 0;
ALTER TABLE clinicians ADD COLUMN rating_count INT NOT NULL DEFAULT 0;
CREATE INDEX ix_clinicians_listed_rating ON clinicians (listed, rating);
CREATE INDEX ix_clinician_languages_name ON clinician_languages (name);
