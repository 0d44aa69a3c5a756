-- scheduling: when the patient was reminded of an appointment (at most once)
ALTER TABLE appointments ADD COLUMN reminder_sent_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_appointments_reminders ON appointments (status, starts_at);

-- platform: ShedLock's table, so that a scheduled job runs on one node of a cluster at a time
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP    NOT NULL,
    locked_at   TIMESTAMP    NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
