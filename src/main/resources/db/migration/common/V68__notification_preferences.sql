-- notify: what each person wants to be told, and how; no row means the defaults
CREATE TABLE notification_preferences (
    user_id                    BIGINT  NOT NULL PRIMARY KEY REFERENCES users (id),
    email                      BOOLEAN NOT NULL,
    sms                        BOOLEAN NOT NULL,
    push                       BOOLEAN NOT NULL,
    appointment_reminders      BOOLEAN NOT NULL,
    appointment_confirmations  BOOLEAN NOT NULL,
    payment_notifications      BOOLEAN NOT NULL,
    reminder_minutes           INT     NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
