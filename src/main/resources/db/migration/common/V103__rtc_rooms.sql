-- video: an appointment's consultation room (one per appointment, whichever face asks) gets a life of its own for the
-- WebRTC rooms: created, active once its clinician starts it, ended by a participant. A room whose expires_at has
-- passed reads as expired if it was still created or active (computed when read: nothing has to run at that moment).
ALTER TABLE video_consultations ADD COLUMN status VARCHAR(10) DEFAULT 'CREATED' NOT NULL;
ALTER TABLE video_consultations ADD COLUMN max_participants INTEGER DEFAULT 2 NOT NULL;
ALTER TABLE video_consultations ADD COLUMN recording_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE video_consultations ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE video_consultations ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE video_consultations ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
-- rooms made before: open until two hours after their appointment ends, as new ones are
UPDATE video_consultations SET expires_at =
    (SELECT a.ends_at FROM appointments a WHERE a.id = video_consultations.appointment_id) + INTERVAL '2' HOUR;
ALTER TABLE video_consultations ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE video_consultations ADD CONSTRAINT ck_video_consultations_status
    CHECK (status IN ('CREATED', 'ACTIVE', 'ENDED', 'EXPIRED'));
ALTER TABLE video_consultations ADD CONSTRAINT ck_video_consultations_participants
    CHECK (max_participants BETWEEN 2 AND 10);
-- the clinic's list of rooms, newest first
CREATE INDEX ix_video_consultations_created ON video_consultations (created_at);
