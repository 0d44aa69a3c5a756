-- identity: when the person proved, by a code sent there, that their phone number is theirs; a new number clears it
ALTER TABLE users ADD COLUMN phone_verified_at TIMESTAMP WITH TIME ZONE;
