-- scheduling: no two active appointments of one clinician overlap (see common/V20): H2 has no exclusion constraint,
-- so a row trigger serialises the writers of one clinician on the clinician's row and refuses an overlap.
CREATE TRIGGER tr_appointments_no_overlap BEFORE INSERT, UPDATE ON appointments FOR EACH ROW
    CALL 'io.polyclinic.scheduling.internal.H2OverlapGuard';
