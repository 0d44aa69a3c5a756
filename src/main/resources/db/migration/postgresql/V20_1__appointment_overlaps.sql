-- scheduling: no two active appointments of one clinician overlap (see common/V20). btree_gist gives GiST the
-- equality of bigint that the constraint needs; it is a trusted extension (PostgreSQL 13+), so the database owner may
-- create it. Creating the constraint fails if overlapping active appointments already exist: cancel or move them first.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE appointments ADD CONSTRAINT ex_appointments_clinician_time
    EXCLUDE USING gist (clinician_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status <> 'CANCELLED');
