-- notify: an in-app notification also says what exactly it tells of (its topic, in lower-case words:
-- appointment_confirmation, appointment_cancelled, system_update…), the channel it was also sent over (IN_APP when
-- none), how that delivery went, the sender's metadata (a JSON object), when it was meant for, the delivery that
-- carried it, and when it last changed. NOTICE is a notification someone wrote (staff, or a person to themself).
ALTER TABLE in_app_notifications ADD COLUMN topic VARCHAR(30);
UPDATE in_app_notifications SET topic = CASE type
    WHEN 'PATIENT_ALERT' THEN 'glucose_alert'
    WHEN 'NEW_REQUEST' THEN 'patient_request'
    WHEN 'MESSAGE' THEN 'new_message'
    ELSE 'appointment_updated' END;
ALTER TABLE in_app_notifications ALTER COLUMN topic SET NOT NULL;

ALTER TABLE in_app_notifications ADD COLUMN channel VARCHAR(10) DEFAULT 'IN_APP' NOT NULL;
ALTER TABLE in_app_notifications ADD COLUMN status VARCHAR(10) DEFAULT 'DELIVERED' NOT NULL;
UPDATE in_app_notifications SET status = 'READ' WHERE read_at IS NOT NULL;
ALTER TABLE in_app_notifications ADD COLUMN metadata VARCHAR(4000);
ALTER TABLE in_app_notifications ADD COLUMN scheduled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE in_app_notifications ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
UPDATE in_app_notifications SET sent_at = created_at;
ALTER TABLE in_app_notifications ADD COLUMN delivery_id BIGINT;
ALTER TABLE in_app_notifications ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE in_app_notifications SET updated_at = COALESCE(read_at, created_at);
ALTER TABLE in_app_notifications ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE in_app_notifications DROP CONSTRAINT ck_in_app_notifications_type;
ALTER TABLE in_app_notifications ADD CONSTRAINT ck_in_app_notifications_type
    CHECK (type IN ('PATIENT_ALERT', 'NEW_REQUEST', 'APPOINTMENT', 'MESSAGE', 'NOTICE'));
ALTER TABLE in_app_notifications ADD CONSTRAINT ck_in_app_notifications_channel
    CHECK (channel IN ('IN_APP', 'EMAIL', 'SMS', 'PUSH'));
ALTER TABLE in_app_notifications ADD CONSTRAINT ck_in_app_notifications_status
    CHECK (status IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'READ'));

-- titles and messages as long as the Healthcare Platform's (255 characters; a text)
ALTER TABLE in_app_notifications ALTER COLUMN title SET DATA TYPE VARCHAR(255);
ALTER TABLE in_app_notifications ALTER COLUMN message SET DATA TYPE VARCHAR(4000);

-- a person's list of one topic, newest first
CREATE INDEX ix_in_app_notifications_user_topic ON in_app_notifications (user_id, topic, created_at DESC, id DESC);
