-- messaging: what opened a conversation (a booking of the pair: APPOINTMENT; either party: GENERAL), what a message
-- carries (TEXT, or a REPORT the patient shares), and each conversation's latest activity in a column of its own so
-- that each party's list is read newest first on an index
ALTER TABLE conversations ADD COLUMN kind VARCHAR(20) DEFAULT 'GENERAL' NOT NULL;
ALTER TABLE conversations ADD CONSTRAINT ck_conversations_kind CHECK (kind IN ('APPOINTMENT', 'GENERAL'));
UPDATE conversations SET kind = 'APPOINTMENT' WHERE EXISTS (
    SELECT 1 FROM appointments a
    WHERE a.patient_id = conversations.patient_id AND a.clinician_id = conversations.clinician_id);

ALTER TABLE conversations ADD COLUMN last_activity_at TIMESTAMP WITH TIME ZONE;
UPDATE conversations SET last_activity_at = COALESCE(last_message_at, created_at);
ALTER TABLE conversations ALTER COLUMN last_activity_at SET NOT NULL;
CREATE INDEX ix_conversations_patient_activity ON conversations (patient_id, last_activity_at DESC, id DESC);
CREATE INDEX ix_conversations_clinician_activity ON conversations (clinician_id, last_activity_at DESC, id DESC);

ALTER TABLE messages ADD COLUMN kind VARCHAR(20) DEFAULT 'TEXT' NOT NULL;
ALTER TABLE messages ADD CONSTRAINT ck_messages_kind CHECK (kind IN ('TEXT', 'REPORT'));
