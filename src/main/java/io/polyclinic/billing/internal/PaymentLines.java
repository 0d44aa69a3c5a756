package io.polyclinic.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.billing.PaymentLine;
import io.polyclinic.billing.Refund;
import io.polyclinic.billing.RefundLine;
import io.polyclinic.billing.RefundListing;
import io.polyclinic.billing.RefundStatus;
import io.polyclinic.billing.TransactionListing;

/**
 * Payments and refunds as transaction and refund lists show them, with the patient's account and the clinician by
 * name, in SQL: scoped to what the caller reaches (one patient, one clinician's appointments, one centre's) in the
 * statement, counted and paged there. Every clause is fixed text chosen here; parameters are bound only when their
 * clause is present, so that none is compared with NULL.
 */
@Repository
public class PaymentLines {

	/** Which payments: of one patient, of one clinician's appointments, of the appointments one centre runs. */
	public record Scope(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long centreId) {

		public static final Scope ALL = new Scope(null, null, null);

		String where() {
			return " WHERE 1 = 1" + (patientId == null ? "" : " AND p.patient_id = :patientId")
					+ (clinicianId == null ? "" : " AND a.clinician_id = :clinicianId")
					+ (centreId == null ? "" : " AND a.managing_centre_id = :centreId");
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			var s = statement;
			if (patientId != null) {
				s = s.param("patientId", patientId);
			}
			if (clinicianId != null) {
				s = s.param("clinicianId", clinicianId);
			}
			if (centreId != null) {
				s = s.param("centreId", centreId);
			}
			return s;
		}
	}

	private static final String FROM = """
			 FROM payments p
			JOIN appointments a ON a.id = p.appointment_id
			JOIN patients pt ON pt.id = p.patient_id
			JOIN users pu ON pu.id = pt.user_id
			JOIN clinicians c ON c.id = a.clinician_id
			JOIN users cu ON cu.id = c.user_id""";

	private static final String LINE_COLUMNS = PaymentReadModel.COLUMNS + """
			, pu.id AS patient_user_id, pu.full_name AS patient_name, a.clinician_id AS line_clinician_id,
			  cu.full_name AS clinician_name, a.starts_at AS starts_at""";

	private static final String REFUND_COLUMNS = """
			, r.id AS r_id, r.public_id AS r_public_id, r.amount_minor AS r_amount_minor, r.currency AS r_currency,
			  r.status AS r_status, r.provider_refund_id AS r_provider_refund_id, r.reason AS r_reason,
			  r.failure_reason AS r_failure_reason, r.created_at AS r_created_at, r.processed_at AS r_processed_at,
			  r.provider_status AS r_provider_status, r.requested_by_user_id AS r_requested_by,
			  r.updated_at AS r_updated_at, rb.full_name AS r_requested_by_name""";

	private final JdbcClient jdbc;

	PaymentLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PaymentLine> lines(Scope scope, TransactionListing listing, Pageable page) {
		String sql = "SELECT " + LINE_COLUMNS + FROM + scope.where() + where(listing) + orderBy(listing)
				+ " LIMIT :limit OFFSET :offset";
		return bind(scope.bind(jdbc.sql(sql)), listing).param("limit", page.getPageSize())
			.param("offset", page.getOffset()).query((rs, i) -> line(rs)).list();
	}

	public long count(Scope scope, TransactionListing listing) {
		String sql = "SELECT COUNT(*) FROM payments p JOIN appointments a ON a.id = p.appointment_id" + scope.where()
				+ where(listing);
		return bind(scope.bind(jdbc.sql(sql)), listing).query(Long.class).single();
	}

	public Optional<PaymentLine> line(long paymentId) {
		return jdbc.sql("SELECT " + LINE_COLUMNS + FROM + " WHERE p.id = :id").param("id", paymentId)
			.query((rs, i) -> line(rs)).optional();
	}

	public List<RefundLine> refunds(Scope scope, RefundListing listing, Pageable page) {
		String sql = "SELECT " + LINE_COLUMNS + REFUND_COLUMNS + refundsFrom() + scope.where() + where(listing)
				+ orderBy(listing) + " LIMIT :limit OFFSET :offset";
		return bind(scope.bind(jdbc.sql(sql)), listing).param("limit", page.getPageSize())
			.param("offset", page.getOffset()).query((rs, i) -> refundLine(rs)).list();
	}

	public long countRefunds(Scope scope, RefundListing listing) {
		String sql = "SELECT COUNT(*) FROM refunds r JOIN payments p ON p.id = r.payment_id"
				+ " JOIN appointments a ON a.id = p.appointment_id"
				+ (listing.patientUserId() == null ? "" : " JOIN patients pt ON pt.id = p.patient_id")
				+ scope.where() + where(listing);
		return bind(scope.bind(jdbc.sql(sql)), listing).query(Long.class).single();
	}

	public Optional<RefundLine> refund(long refundId) {
		return jdbc.sql("SELECT " + LINE_COLUMNS + REFUND_COLUMNS + refundsFrom() + " WHERE r.id = :id")
			.param("id", refundId).query((rs, i) -> refundLine(rs)).optional();
	}

	private static String refundsFrom() {
		return " FROM refunds r JOIN payments p ON p.id = r.payment_id" + FROM.substring(FROM.indexOf('\n'))
				+ " LEFT JOIN users rb ON rb.id = r.requested_by_user_id";
	}

	private static String where(TransactionListing listing) {
		String clause = listing.condition() == null ? "" : switch (listing.condition()) {
			case AWAITING -> " AND p.status = 'CREATED' AND (p.provider_status IS NULL OR p.provider_status <> 'processing')";
			case PROCESSING -> " AND p.status = 'CREATED' AND p.provider_status = 'processing'";
			case SETTLED -> " AND p.status = 'PAID' AND (p.refunded_minor < p.amount_minor OR p.amount_minor = 0)";
			case REFUNDED -> " AND p.status = 'PAID' AND p.refunded_minor >= p.amount_minor AND p.amount_minor > 0";
			case FAILED -> " AND p.status = 'FAILED' AND (p.provider_status IS NULL OR p.provider_status <> 'canceled')";
			case CANCELLED -> " AND p.status = 'FAILED' AND p.provider_status = 'canceled'";
		};
		return clause + (listing.provider() == null ? "" : " AND p.provider = :provider")
				+ (listing.appointmentId() == null ? "" : " AND p.appointment_id = :appointmentId");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, TransactionListing listing) {
		var bound = s;
		if (listing.provider() != null) {
			bound = bound.param("provider", listing.provider());
		}
		if (listing.appointmentId() != null) {
			bound = bound.param("appointmentId", listing.appointmentId());
		}
		return bound;
	}

	private static String orderBy(TransactionListing listing) {
		String column = switch (listing.order()) {
			case CREATED_AT -> "p.created_at";
			case AMOUNT -> "p.amount_minor";
			case PAID_AT -> "p.paid_at";
		};
		String direction = listing.ascending() ? " ASC" : " DESC";
		return " ORDER BY " + column + direction + ", p.id" + direction;
	}

	private static String where(RefundListing listing) {
		String clause = listing.status() == null ? "" : " AND r.status = '" + listing.status().name() + "'";
		if (listing.acceptedByProvider() != null) {
			clause += listing.acceptedByProvider() ? " AND r.provider_refund_id IS NOT NULL"
					: " AND r.provider_refund_id IS NULL";
		}
		return clause + (listing.paymentId() == null ? "" : " AND r.payment_id = :paymentId")
				+ (listing.patientUserId() == null ? "" : " AND pt.user_id = :patientUserId")
				+ (listing.appointmentId() == null ? "" : " AND p.appointment_id = :appointmentId");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, RefundListing listing) {
		var bound = s;
		if (listing.paymentId() != null) {
			bound = bound.param("paymentId", listing.paymentId());
		}
		if (listing.patientUserId() != null) {
			bound = bound.param("patientUserId", listing.patientUserId());
		}
		if (listing.appointmentId() != null) {
			bound = bound.param("appointmentId", listing.appointmentId());
		}
		return bound;
	}

	private static String orderBy(RefundListing listing) {
		String column = switch (listing.order()) {
			case CREATED_AT -> "r.created_at";
			case AMOUNT -> "r.amount_minor";
		};
		String direction = listing.ascending() ? " ASC" : " DESC";
		return " ORDER BY " + column + direction + ", r.id" + direction;
	}

	private static PaymentLine line(ResultSet rs) throws SQLException {
		return new PaymentLine(PaymentReadModel.payment(rs), rs.getLong("patient_user_id"), rs.getString("patient_name"),
				rs.getLong("line_clinician_id"), rs.getString("clinician_name"),
				PaymentReadModel.instant(rs, "starts_at"));
	}

	private static RefundLine refundLine(ResultSet rs) throws SQLException {
		PaymentLine payment = line(rs);
		Refund refund = new Refund(rs.getLong("r_id"), rs.getObject("r_public_id", UUID.class), payment.payment().id(),
				rs.getLong("r_amount_minor"), rs.getString("r_currency"), RefundStatus.valueOf(rs.getString("r_status")),
				rs.getString("r_provider_refund_id"), rs.getString("r_reason"), rs.getString("r_failure_reason"),
				PaymentReadModel.instant(rs, "r_created_at"), PaymentReadModel.instantOrNull(rs, "r_processed_at"),
				rs.getString("r_provider_status"));
		long by = rs.getLong("r_requested_by");
		return new RefundLine(refund, payment, rs.wasNull() ? null : by, rs.getString("r_requested_by_name"),
				PaymentReadModel.instant(rs, "r_updated_at"));
	}
}
