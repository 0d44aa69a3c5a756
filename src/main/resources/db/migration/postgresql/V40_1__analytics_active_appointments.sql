-- analytics: today / this week / this month count active appointments on an index that holds only them (H2 has no
-- partial indexes and counts on ix_appointments_starts and ix_appointments_centre)
CREATE INDEX ix_appointments_active_starts ON appointments (starts_at) WHERE status <> 'CANCELLED';
CREATE INDEX ix_appointments_active_centre_starts ON appointments (centre_id, starts_at) WHERE status <> 'CANCELLED';
