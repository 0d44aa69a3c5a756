package io.polyclinic.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentEntry;
import io.polyclinic.billing.PaymentStatus;
import io.polyclinic.scheduling.PaymentStanding;

/**
 * Payments as lists and totals show them, in SQL on indexes: scoped to what the caller reaches (a patient, a centre's
 * appointments) in the statement itself, paged there, with the clinician's name joined from the upstream tables —
 * never a table loaded to be filtered in memory. A scope is a set of fixed clauses, so that no parameter is ever
 * compared with NULL (which PostgreSQL cannot type).
 */
@Repository
public class PaymentReadModel {

	static final String COLUMNS = """
			p.id, p.public_id, p.appointment_id, p.patient_id, p.amount_minor, p.currency, p.status, p.provider,
			p.provider_order_id, p.provider_payment_id, p.method, p.failure_reason, p.paid_at, p.created_at,
			p.refunded_minor, p.attention, p.provider_status, p.metadata, p.refunded_at, p.last_refund_id, p.refund_reason,
			p.updated_at""";

	/**
	 * Which payments: of one patient, of the appointments one centre runs, of one appointment — each when given.
	 */
	public record Scope(@Nullable Long patientId, @Nullable Long centreId, @Nullable Long appointmentId) {

		public static final Scope ALL = new Scope(null, null, null);

		String where() {
			return " WHERE 1 = 1" + (patientId == null ? "" : " AND p.patient_id = :patientId")
					+ (centreId == null ? "" : " AND a.managing_centre_id = :centreId")
					+ (appointmentId == null ? "" : " AND p.appointment_id = :appointmentId");
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			var s = statement;
			if (patientId != null) {
				s = s.param("patientId", patientId);
			}
			if (centreId != null) {
				s = s.param("centreId", centreId);
			}
			if (appointmentId != null) {
				s = s.param("appointmentId", appointmentId);
			}
			return s;
		}
	}

	private final JdbcClient jdbc;

	PaymentReadModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of payments in scope, with how many there are and what they brought in net of refunds. */
	public record Entries(List<PaymentEntry> content, long total, long netPaid) {
	}

	/**
	 * A page of payments in scope, newest first, each with its appointment's clinician — and, in the same statement,
	 * the count and the net total of everything in scope (window functions, computed before the page is cut).
	 */
	public Entries entries(Scope scope, Pageable page, String currency) {
		return entries(scope, Listing.NEWEST_FIRST, page, currency);
	}

	/**
	 * Which payments of the scope, in which order: a standing (and, for pending ones, whether the provider is
	 * processing them), sorted by a column of the payment. Every clause is fixed text chosen here.
	 */
	public record Listing(@Nullable PaymentStanding standing, @Nullable Boolean processing,
			io.polyclinic.billing.PaymentListing.Order order, boolean ascending) {

		public static final Listing NEWEST_FIRST = new Listing(null, null,
				io.polyclinic.billing.PaymentListing.Order.CREATED_AT, false);

		String where() {
			String clause = standing == null ? "" : switch (standing) {
				case PENDING -> " AND p.status = 'CREATED'";
				case FAILED -> " AND p.status = 'FAILED'";
				case PAID -> " AND p.status = 'PAID' AND p.refunded_minor <= 0";
				case REFUNDED -> " AND p.status = 'PAID' AND p.refunded_minor > 0 AND p.refunded_minor >= p.amount_minor";
				case PARTIALLY_REFUNDED ->
					" AND p.status = 'PAID' AND p.refunded_minor > 0 AND p.refunded_minor < p.amount_minor";
			};
			if (processing != null) {
				clause += processing ? " AND p.status = 'CREATED' AND p.provider_status = 'processing'"
						: " AND (p.status <> 'CREATED' OR p.provider_status IS NULL OR p.provider_status <> 'processing')";
			}
			return clause;
		}

		String orderBy() {
			String column = switch (order) {
				case CREATED_AT -> "p.created_at";
				case AMOUNT -> "p.amount_minor";
				case PAID_AT -> "p.paid_at";
			};
			String direction = ascending ? " ASC" : " DESC";
			return " ORDER BY " + column + direction + ", p.id" + direction;
		}
	}

	public Entries entries(Scope scope, Listing listing, Pageable page, String currency) {
		String sql = "SELECT " + COLUMNS + """
				, a.clinician_id AS clinician_id, u.full_name AS clinician_name, a.starts_at AS starts_at,
				  COUNT(*) OVER () AS total_count,
				  SUM(CASE WHEN p.status = 'PAID' AND p.currency = :currency THEN p.amount_minor - p.refunded_minor
				           ELSE 0 END) OVER () AS net_paid
				FROM payments p
				JOIN appointments a ON a.id = p.appointment_id
				JOIN clinicians c ON c.id = a.clinician_id
				JOIN users u ON u.id = c.user_id""" + scope.where() + listing.where()
				+ listing.orderBy() + " LIMIT :limit OFFSET :offset";
		long[] totals = new long[2];
		List<PaymentEntry> content = scope.bind(jdbc.sql(sql)).param("currency", currency)
			.param("limit", page.getPageSize()).param("offset", page.getOffset())
			.query((rs, i) -> {
				totals[0] = rs.getLong("total_count");
				totals[1] = rs.getLong("net_paid");
				return new PaymentEntry(payment(rs), rs.getLong("clinician_id"), rs.getString("clinician_name"),
						instant(rs, "starts_at"));
			})
			.list();
		if (content.isEmpty() && page.getOffset() > 0) {
			// a page past the end: the totals come from statements of their own
			return new Entries(content, count(scope, listing), netPaid(scope, listing, currency));
		}
		return new Entries(content, totals[0], totals[1]);
	}

	public long count(Scope scope) {
		return count(scope, Listing.NEWEST_FIRST);
	}

	private long count(Scope scope, Listing listing) {
		return scope.bind(jdbc.sql("SELECT COUNT(*) FROM payments p" + join(scope) + scope.where() + listing.where()))
			.query(Long.class).single();
	}

	/** What payments in scope brought in, net of refunds, in one currency. */
	public long netPaid(Scope scope, String currency) {
		return netPaid(scope, Listing.NEWEST_FIRST, currency);
	}

	private long netPaid(Scope scope, Listing listing, String currency) {
		String sql = "SELECT COALESCE(SUM(p.amount_minor - p.refunded_minor), 0) FROM payments p" + join(scope)
				+ scope.where() + listing.where() + " AND p.status = 'PAID' AND p.currency = :currency";
		return scope.bind(jdbc.sql(sql)).param("currency", currency).query(Long.class).single();
	}

	/** Payments in scope that staff must look at, the most recently flagged first. */
	public List<Payment> needingAttention(Scope scope, Pageable page) {
		String sql = "SELECT " + COLUMNS + " FROM payments p" + join(scope) + scope.where()
				+ " AND p.attention_since IS NOT NULL ORDER BY p.attention_since DESC, p.id DESC LIMIT :limit OFFSET :offset";
		return scope.bind(jdbc.sql(sql)).param("limit", page.getPageSize()).param("offset", page.getOffset())
			.query((rs, i) -> payment(rs)).list();
	}

	/**
	 * The standing of each appointment that has a payment, in one statement: its settled payment if it has one, else
	 * its newest, refunds counted ({@link Payment#standing}).
	 */
	public Map<Long, PaymentStanding> standings(Collection<Long> appointmentIds) {
		Map<Long, PaymentStanding> standings = new HashMap<>();
		if (appointmentIds.isEmpty()) {
			return standings;
		}
		jdbc.sql("""
				SELECT t.appointment_id, t.status, t.amount_minor, t.refunded_minor FROM (
				  SELECT p.appointment_id, p.status, p.amount_minor, p.refunded_minor,
				         ROW_NUMBER() OVER (PARTITION BY p.appointment_id
				                            ORDER BY CASE WHEN p.status = 'PAID' THEN 0 ELSE 1 END,
				                                     p.created_at DESC, p.id DESC) AS n
				  FROM payments p WHERE p.appointment_id IN (:ids)) t
				WHERE t.n = 1""")
			.param("ids", List.copyOf(appointmentIds))
			.query(rs -> {
				standings.put(rs.getLong("appointment_id"), Payment.standing(PaymentStatus.valueOf(rs.getString("status")),
						rs.getLong("amount_minor"), rs.getLong("refunded_minor")));
			});
		return standings;
	}

	/** The numeric id of a patient named by public id. */
	public Optional<Long> patientId(UUID publicId) {
		return jdbc.sql("SELECT id FROM patients WHERE public_id = ?").param(publicId).query(Long.class).optional();
	}

	private static String join(Scope scope) {
		return scope.centreId() == null ? "" : " JOIN appointments a ON a.id = p.appointment_id";
	}

	static Payment payment(ResultSet rs) throws SQLException {
		return new Payment(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("appointment_id"),
				rs.getLong("patient_id"), rs.getLong("amount_minor"), rs.getString("currency"),
				PaymentStatus.valueOf(rs.getString("status")), rs.getString("provider"),
				rs.getString("provider_order_id"), rs.getString("provider_payment_id"), rs.getString("method"),
				rs.getString("failure_reason"), instantOrNull(rs, "paid_at"), instant(rs, "created_at"),
				rs.getLong("refunded_minor"), rs.getString("attention"), rs.getString("provider_status"),
				StoredPayment.notes(rs.getString("metadata")), instantOrNull(rs, "refunded_at"),
				rs.getString("last_refund_id"), rs.getString("refund_reason"), instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Instant instant = instantOrNull(rs, column);
		if (instant == null) {
			throw new SQLException(column + " is null");
		}
		return instant;
	}

	static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
