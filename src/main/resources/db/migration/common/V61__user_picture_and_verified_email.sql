-- identity: a person's picture (any face shows it) and whether their email address was proven theirs
ALTER TABLE users ADD COLUMN profile_picture_url VARCHAR(1000);
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE;
