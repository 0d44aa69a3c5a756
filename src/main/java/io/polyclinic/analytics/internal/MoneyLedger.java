package io.polyclinic.analytics.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revenue ledger: one entry per settled payment (+) and per processed refund (−), copied from billing's rows by
 * the statements {@link FigureTables#rebuild()} uses, so that an entry kept by an event and one rebuilt are the same.
 * An entry goes in once (its key is the primary key); only an entry that went in is added to the day and clinician
 * sums, which makes a replayed event change nothing.
 */
@Component
class MoneyLedger {

	/** Settled payments, at the appointment's centre and clinician (as the old figures joined them). */
	static final String PAYMENTS = """
			SELECT 'pay:' || CAST(p.id AS VARCHAR(20)), COALESCE(a.centre_id, 0), a.clinician_id, p.currency,
			       p.amount_minor, COALESCE(p.paid_at, p.updated_at)
			FROM payments p JOIN appointments a ON a.id = p.appointment_id WHERE p.status = 'PAID'""";
	/** Processed refunds, negative, at the time the money went back (cash basis). */
	static final String REFUNDS = """
			SELECT 'ref:' || CAST(r.id AS VARCHAR(20)), COALESCE(a.centre_id, 0), a.clinician_id, r.currency,
			       -r.amount_minor, COALESCE(r.processed_at, r.updated_at)
			FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN appointments a ON a.id = p.appointment_id
			WHERE r.status = 'PROCESSED'""";
	static final String INSERT = """
			INSERT INTO analytics_money (entry_key, centre_key, clinician_id, currency, amount_minor, occurred_at)
			""";

	private final JdbcClient jdbc;
	private final Counters counters;

	MoneyLedger(JdbcClient jdbc, Counters counters) {
		this.jdbc = jdbc;
		this.counters = counters;
	}

	@Transactional
	public void payment(long paymentId) {
		enter(PAYMENTS + " AND p.id = ?", "pay:" + paymentId, paymentId);
	}

	@Transactional
	public void refund(long refundId) {
		enter(REFUNDS + " AND r.id = ?", "ref:" + refundId, refundId);
	}

	private void enter(String select, String key, long id) {
		if (jdbc.sql(INSERT + select + " ON CONFLICT DO NOTHING").param(id).update() == 0) {
			return; // entered before, or not settled (yet): nothing to add
		}
		jdbc.sql("""
				SELECT centre_key, clinician_id, currency, amount_minor, occurred_at FROM analytics_money
				WHERE entry_key = ?""").param(key).query(rs -> {
			long centre = rs.getLong(1);
			long clinician = rs.getLong(2);
			String currency = rs.getString(3);
			long amount = rs.getLong(4);
			var at = rs.getObject(5, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
			counters.day(currency, centre, at.toLocalDate(), amount);
			counters.clinicianMoney(clinician, centre, currency, amount);
		});
	}
}
