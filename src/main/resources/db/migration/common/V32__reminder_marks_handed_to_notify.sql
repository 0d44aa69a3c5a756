-- scheduling hands the reminder marks to notify, which keeps them from now on (appointment_reminders, V30): a visit
-- reminded before the upgrade is not reminded again; the appointment no longer carries the mark. The index on
-- (status, starts_at) stays: notify's due list reads confirmed appointments by start.
INSERT INTO appointment_reminders (appointment_id, starts_at, delivery_id, reminded_at)
SELECT a.id, a.starts_at, NULL, a.reminder_sent_at FROM appointments a
WHERE a.reminder_sent_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM appointment_reminders r WHERE r.appointment_id = a.id AND r.starts_at = a.starts_at);

ALTER TABLE appointments DROP COLUMN reminder_sent_at;
