package io.polyclinic.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.billing.Payout;
import io.polyclinic.billing.PayoutListing;
import io.polyclinic.billing.PayoutStatus;

/**
 * A clinician's money in SQL: the payments and refunds a payout claims (inserted by the statement that finds them),
 * what they add up to, what a clinician earned in a span of time, and payouts as lists show them with the clinician's
 * name. Sums are the database's; no payment is read into memory to be added up.
 */
@Repository
public class PayoutBook {

	private static final String PAYOUT_COLUMNS = """
			d.id, d.public_id, d.clinician_id, d.period_start, d.period_end, d.currency, d.gross_minor,
			d.refunded_minor, d.commission_rate, d.commission_minor, d.net_minor, d.appointments_count, d.status,
			d.external_payout_id, d.processed_at, d.created_at, d.updated_at, u.full_name AS clinician_name""";

	private static final String PAYOUTS = " FROM doctor_payouts d JOIN clinicians c ON c.id = d.clinician_id"
			+ " JOIN users u ON u.id = c.user_id";

	private final JdbcClient jdbc;

	PayoutBook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a payout claimed: the payments' total, the refunds' total, and the appointments paid for. */
	public record Claimed(long grossMinor, long refundedMinor, int appointments) {
	}

	/**
	 * Claims for the payout the clinician's payments settled, and refunds processed, from {@code from} up to (not
	 * including) {@code to}, in this currency, and adds them up.
	 *
	 * @throws org.springframework.dao.DataIntegrityViolationException when another payout claimed one of them
	 */
	public Claimed claim(long payoutId, long clinicianId, String currency, Instant from, Instant to) {
		jdbc.sql("""
				INSERT INTO doctor_payout_payments (payment_id, payout_id)
				SELECT p.id, :payout FROM payments p
				WHERE p.clinician_id = :clinician AND p.status = 'PAID' AND p.currency = :currency
				  AND p.paid_at >= :from AND p.paid_at < :to""")
			.param("payout", payoutId).param("clinician", clinicianId).param("currency", currency)
			.param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC)).update();
		jdbc.sql("""
				INSERT INTO doctor_payout_refunds (refund_id, payout_id)
				SELECT r.id, :payout FROM refunds r JOIN payments p ON p.id = r.payment_id
				WHERE p.clinician_id = :clinician AND r.status = 'PROCESSED' AND r.currency = :currency
				  AND r.processed_at >= :from AND r.processed_at < :to""")
			.param("payout", payoutId).param("clinician", clinicianId).param("currency", currency)
			.param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC)).update();
		var payments = jdbc.sql("""
				SELECT COALESCE(SUM(p.amount_minor), 0) AS gross, COUNT(DISTINCT p.appointment_id) AS appointments
				FROM doctor_payout_payments i JOIN payments p ON p.id = i.payment_id WHERE i.payout_id = :payout""")
			.param("payout", payoutId).query((rs, n) -> new long[] { rs.getLong("gross"), rs.getLong("appointments") })
			.single();
		long refunded = jdbc.sql("""
				SELECT COALESCE(SUM(r.amount_minor), 0)
				FROM doctor_payout_refunds i JOIN refunds r ON r.id = i.refund_id WHERE i.payout_id = :payout""")
			.param("payout", payoutId).query(Long.class).single();
		return new Claimed(payments[0], refunded, (int) payments[1]);
	}

	/** What the clinician's payments brought in and what of it went back, in a span of time (or all time). */
	public record Takings(long paidMinor, long refundedMinor) {

		public long netMinor() {
			return paidMinor - refundedMinor;
		}
	}

	public Takings takings(long clinicianId, String currency, @Nullable Instant from, @Nullable Instant to) {
		String paidSpan = from == null ? "" : " AND p.paid_at >= :from AND p.paid_at < :to";
		String refundSpan = from == null ? "" : " AND r.processed_at >= :from AND r.processed_at < :to";
		var paid = jdbc.sql("SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.clinician_id = :clinician"
				+ " AND p.status = 'PAID' AND p.currency = :currency" + paidSpan)
			.param("clinician", clinicianId).param("currency", currency);
		var refunded = jdbc.sql("SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r JOIN payments p"
				+ " ON p.id = r.payment_id WHERE p.clinician_id = :clinician AND r.status = 'PROCESSED'"
				+ " AND r.currency = :currency" + refundSpan)
			.param("clinician", clinicianId).param("currency", currency);
		if (from != null && to != null) {
			paid = paid.param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC));
			refunded = refunded.param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC));
		}
		return new Takings(paid.query(Long.class).single(), refunded.query(Long.class).single());
	}

	/** What the clinician's payouts pay, by status. */
	public Map<PayoutStatus, Long> payoutTotals(long clinicianId, String currency) {
		Map<PayoutStatus, Long> totals = new EnumMap<>(PayoutStatus.class);
		for (PayoutStatus s : PayoutStatus.values()) {
			totals.put(s, 0L);
		}
		jdbc.sql("""
				SELECT status, COALESCE(SUM(net_minor), 0) AS net FROM doctor_payouts
				WHERE clinician_id = :clinician AND currency = :currency GROUP BY status""")
			.param("clinician", clinicianId).param("currency", currency)
			.query(rs -> {
				totals.put(PayoutStatus.valueOf(rs.getString("status")), rs.getLong("net"));
			});
		return totals;
	}

	/** The clinician's completed appointments that were paid for. */
	public long completedPaidAppointments(long clinicianId) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT a.id) FROM appointments a JOIN payments p ON p.appointment_id = a.id
				WHERE a.clinician_id = :clinician AND a.status = 'COMPLETED' AND p.status = 'PAID'""")
			.param("clinician", clinicianId).query(Long.class).single();
	}

	public Optional<Payout> payout(long id) {
		return jdbc.sql("SELECT " + PAYOUT_COLUMNS + PAYOUTS + " WHERE d.id = :id").param("id", id)
			.query((rs, n) -> payout(rs)).optional();
	}

	public List<Payout> payouts(PayoutListing listing, Pageable page) {
		String direction = listing.ascending() ? " ASC" : " DESC";
		String column = switch (listing.order()) {
			case CREATED_AT -> "d.created_at";
			case AMOUNT -> "d.net_minor";
			case PERIOD_START -> "d.period_start";
		};
		return bind(jdbc.sql("SELECT " + PAYOUT_COLUMNS + PAYOUTS + where(listing) + " ORDER BY " + column + direction
				+ ", d.id" + direction + " LIMIT :limit OFFSET :offset"), listing)
			.param("limit", page.getPageSize()).param("offset", page.getOffset())
			.query((rs, n) -> payout(rs)).list();
	}

	public long count(PayoutListing listing) {
		return bind(jdbc.sql("SELECT COUNT(*) FROM doctor_payouts d" + where(listing)), listing).query(Long.class)
			.single();
	}

	private static String where(PayoutListing listing) {
		return " WHERE 1 = 1" + (listing.status() == null ? "" : " AND d.status = :status")
				+ (listing.clinicianId() == null ? "" : " AND d.clinician_id = :clinician")
				+ (listing.periodStart() == null ? "" : " AND d.period_start = :periodStart")
				+ (listing.periodEnd() == null ? "" : " AND d.period_end = :periodEnd");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, PayoutListing listing) {
		var bound = s;
		if (listing.status() != null) {
			bound = bound.param("status", listing.status().name());
		}
		if (listing.clinicianId() != null) {
			bound = bound.param("clinician", listing.clinicianId());
		}
		if (listing.periodStart() != null) {
			bound = bound.param("periodStart", listing.periodStart());
		}
		if (listing.periodEnd() != null) {
			bound = bound.param("periodEnd", listing.periodEnd());
		}
		return bound;
	}

	private static Payout payout(ResultSet rs) throws SQLException {
		return new Payout(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("clinician_id"),
				rs.getString("clinician_name"), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getString("currency"), rs.getLong("gross_minor"),
				rs.getLong("refunded_minor"), rs.getBigDecimal("commission_rate"), rs.getLong("commission_minor"),
				rs.getLong("net_minor"), rs.getInt("appointments_count"), PayoutStatus.valueOf(rs.getString("status")),
				rs.getString("external_payout_id"), PaymentReadModel.instantOrNull(rs, "processed_at"),
				PaymentReadModel.instant(rs, "created_at"), PaymentReadModel.instant(rs, "updated_at"));
	}
}
