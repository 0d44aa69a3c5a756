-- analytics: the dashboard's figures kept by events, so that no figure reads the whole appointments or payments table
-- (issue 6, item 12: at 1,000,000 appointments the follow-up count was a whole-table semi-join of seconds).
-- analytics.internal keeps these tables from scheduling's and billing's events; AnalyticsFigures.rebuild() recomputes
-- them from the raw rows with the same statements as below. centre_key is the appointment's centre, 0 for none.

-- per care pair (patient, clinician) and centre: the pair's appointments there, not cancelled, and whether the pair's
-- first such appointment (by starts_at, then id) is there. Follow-ups of a centre = visits there - first visits there.
CREATE TABLE analytics_pair_visits (
    patient_id    BIGINT  NOT NULL,
    clinician_id  BIGINT  NOT NULL,
    centre_key    BIGINT  NOT NULL,
    visits        BIGINT  NOT NULL,
    first_visit   BOOLEAN NOT NULL,
    PRIMARY KEY (patient_id, clinician_id, centre_key)
);
-- one row per pair ever recomputed: the row lock that makes the recomputations of one pair take turns
CREATE TABLE analytics_pair_locks (
    patient_id    BIGINT NOT NULL,
    clinician_id  BIGINT NOT NULL,
    PRIMARY KEY (patient_id, clinician_id)
);
CREATE TABLE analytics_centre_totals (
    centre_key    BIGINT NOT NULL PRIMARY KEY,
    appointments  BIGINT NOT NULL,
    first_visits  BIGINT NOT NULL
);
-- top doctors: an ORDER BY ... LIMIT over at most clinicians x centres rows
CREATE TABLE analytics_clinician_totals (
    clinician_id  BIGINT NOT NULL,
    centre_key    BIGINT NOT NULL,
    appointments  BIGINT NOT NULL,
    PRIMARY KEY (clinician_id, centre_key)
);

-- the money ledger: settled payments ('pay:<payment id>', +) and processed refunds ('ref:<refund id>', -), each once
CREATE TABLE analytics_money (
    entry_key     VARCHAR(40) NOT NULL PRIMARY KEY,
    centre_key    BIGINT      NOT NULL,
    clinician_id  BIGINT      NOT NULL,
    currency      VARCHAR(3)  NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_analytics_money_at ON analytics_money (currency, occurred_at);
CREATE INDEX ix_analytics_money_centre_at ON analytics_money (centre_key, currency, occurred_at);
-- the ledger per UTC day: a revenue bucket is its whole UTC days from here plus its cut edges from the ledger
CREATE TABLE analytics_money_days (
    currency      VARCHAR(3) NOT NULL,
    centre_key    BIGINT     NOT NULL,
    utc_day       DATE       NOT NULL,
    amount_minor  BIGINT     NOT NULL,
    PRIMARY KEY (currency, centre_key, utc_day)
);
CREATE TABLE analytics_clinician_money (
    clinician_id  BIGINT     NOT NULL,
    centre_key    BIGINT     NOT NULL,
    currency      VARCHAR(3) NOT NULL,
    amount_minor  BIGINT     NOT NULL,
    PRIMARY KEY (clinician_id, centre_key, currency)
);

-- patients of a centre (an EXISTS per patient) on one index
CREATE INDEX ix_appointments_centre_patient ON appointments (centre_id, patient_id);

-- the figures of the rows already there
INSERT INTO analytics_pair_visits (patient_id, clinician_id, centre_key, visits, first_visit)
SELECT v.patient_id, v.clinician_id, v.centre_key, COUNT(*), MAX(CASE WHEN v.visit = 1 THEN 1 ELSE 0 END) = 1
FROM (SELECT a.patient_id, a.clinician_id, COALESCE(a.centre_id, 0) AS centre_key,
             ROW_NUMBER() OVER (PARTITION BY a.patient_id, a.clinician_id ORDER BY a.starts_at, a.id) AS visit
      FROM appointments a WHERE a.status <> 'CANCELLED') v
GROUP BY v.patient_id, v.clinician_id, v.centre_key;
INSERT INTO analytics_centre_totals (centre_key, appointments, first_visits)
SELECT centre_key, SUM(visits), SUM(CASE WHEN first_visit THEN 1 ELSE 0 END) FROM analytics_pair_visits
GROUP BY centre_key;
INSERT INTO analytics_clinician_totals (clinician_id, centre_key, appointments)
SELECT clinician_id, centre_key, SUM(visits) FROM analytics_pair_visits GROUP BY clinician_id, centre_key;
INSERT INTO analytics_money (entry_key, centre_key, clinician_id, currency, amount_minor, occurred_at)
SELECT 'pay:' || CAST(p.id AS VARCHAR(20)), COALESCE(a.centre_id, 0), a.clinician_id, p.currency, p.amount_minor,
       COALESCE(p.paid_at, p.updated_at)
FROM payments p JOIN appointments a ON a.id = p.appointment_id WHERE p.status = 'PAID';
INSERT INTO analytics_money (entry_key, centre_key, clinician_id, currency, amount_minor, occurred_at)
SELECT 'ref:' || CAST(r.id AS VARCHAR(20)), COALESCE(a.centre_id, 0), a.clinician_id, r.currency, -r.amount_minor,
       COALESCE(r.processed_at, r.updated_at)
FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN appointments a ON a.id = p.appointment_id
WHERE r.status = 'PROCESSED';
INSERT INTO analytics_money_days (currency, centre_key, utc_day, amount_minor)
SELECT currency, centre_key, CAST(occurred_at AT TIME ZONE 'UTC' AS DATE), SUM(amount_minor) FROM analytics_money
GROUP BY currency, centre_key, CAST(occurred_at AT TIME ZONE 'UTC' AS DATE);
INSERT INTO analytics_clinician_money (clinician_id, centre_key, currency, amount_minor)
SELECT clinician_id, centre_key, currency, SUM(amount_minor) FROM analytics_money
GROUP BY clinician_id, centre_key, currency;
