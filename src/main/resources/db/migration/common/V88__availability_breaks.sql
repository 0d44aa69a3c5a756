-- scheduling: a break inside a weekly window is an unavailable window of the same day (it blocks the slots it
-- overlaps, as any unavailable window does) that names the window it belongs to, so the window and its breaks are
-- read, changed and removed as one rule (the hcp face's availability with break_times)
ALTER TABLE availability_rules ADD COLUMN break_of BIGINT;
ALTER TABLE availability_rules ADD CONSTRAINT fk_availability_rules_break_of
    FOREIGN KEY (break_of) REFERENCES availability_rules (id) ON DELETE CASCADE;
CREATE INDEX ix_availability_rules_break_of ON availability_rules (break_of);
