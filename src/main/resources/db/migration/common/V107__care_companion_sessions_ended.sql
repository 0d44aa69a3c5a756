-- A person may close one of their care companion sessions: it leaves their list and takes no more questions, and
-- its log stays, as the record of what was said (the crisis interventions point at it).
ALTER TABLE ai_chat_sessions ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
