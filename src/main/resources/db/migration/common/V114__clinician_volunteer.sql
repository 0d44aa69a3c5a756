-- directory: a clinician who volunteers their time (clinico's "is_volunteer" on the professional's dashboard); set by
-- the clinician or by those who keep their profile, false until said
ALTER TABLE clinicians ADD COLUMN volunteer BOOLEAN DEFAULT FALSE NOT NULL;
