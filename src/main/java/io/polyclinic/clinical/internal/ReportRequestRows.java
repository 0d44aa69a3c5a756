package io.polyclinic.clinical.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.ReportRequest;
import io.polyclinic.clinical.ReportRequestStatus;

/**
 * Report requests in SQL, and their codes. A code's number is the year's counter row incremented: the row stays locked
 * by the database until the request's transaction ends, so concurrent requests of one year take their numbers one
 * after another and never the same one (and a request rolled back leaves its number unused).
 */
@Component
public class ReportRequestRows {

	/** H2 gives up waiting for a row lock after a second; PostgreSQL waits. A crowded minute tries again. */
	private static final int LOCK_ATTEMPTS = 30;

	private final JdbcClient jdbc;

	ReportRequestRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The year's next number, from 1; the year's counter row is locked until the caller's transaction ends. */
	public long nextNumber(int year) {
		for (int attempt = 1;; attempt++) {
			try {
				try {
					// the year's first request makes its row; a concurrent first waits for it, then leaves it be
					jdbc.sql("""
							INSERT INTO report_request_counters (counter_year, last_number) VALUES (?, 0)
							ON CONFLICT DO NOTHING""").param(year).update();
				}
				catch (DuplicateKeyException e) {
					// H2 may say so of a row another transaction made meanwhile: it is there, which is all we need
				}
				jdbc.sql("UPDATE report_request_counters SET last_number = last_number + 1 WHERE counter_year = ?")
					.param(year).update();
				return jdbc.sql("SELECT last_number FROM report_request_counters WHERE counter_year = ?").param(year)
					.query(Long.class).single();
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt == LOCK_ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	public ReportRequest insert(UUID publicId, String code, long patientId, long clinicianId, long byUserId,
			String requestedTests, LocalDate dueDate, @Nullable String additionalNotes, Instant now) {
		var at = now.atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO upload_report_requests (public_id, request_code, patient_id, clinician_id,
				  requested_by_user_id, requested_tests, due_date, additional_notes, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(publicId, code, patientId, clinicianId, byUserId, requestedTests, dueDate, additionalNotes,
					ReportRequestStatus.PENDING.name(), at, at)
			.update();
		return jdbc.sql("SELECT * FROM upload_report_requests WHERE public_id = ?").param(publicId)
			.query((rs, i) -> request(rs)).single();
	}

	/** How many of the clinician's requests are in this status: on the clinician's index. */
	public long countOf(long clinicianId, ReportRequestStatus status) {
		return jdbc.sql("SELECT COUNT(*) FROM upload_report_requests WHERE clinician_id = ? AND status = ?")
			.params(clinicianId, status.name()).query(Long.class).single();
	}

	/** A request with the names of its patient and clinician, as lists show it. */
	public record Listed(ReportRequest request, String patientName, String clinicianName) {
	}

	/**
	 * Requests of one clinician or of one patient (whichever is given; both narrow), newest first, filtered by status
	 * and paged in SQL on their indexes, with the names joined from the people's accounts.
	 */
	public List<Listed> list(@Nullable Long clinicianId, @Nullable Long patientId,
			@Nullable ReportRequestStatus status, int limit, long offset) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (clinicianId != null) {
			conditions.add("r.clinician_id = ?");
			params.add(clinicianId);
		}
		if (patientId != null) {
			conditions.add("r.patient_id = ?");
			params.add(patientId);
		}
		if (status != null) {
			conditions.add("r.status = ?");
			params.add(status.name());
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql("""
				SELECT r.*, pu.full_name AS patient_name, cu.full_name AS clinician_name
				FROM upload_report_requests r
				JOIN patients p ON p.id = r.patient_id JOIN users pu ON pu.id = p.user_id
				JOIN clinicians c ON c.id = r.clinician_id JOIN users cu ON cu.id = c.user_id
				WHERE %s ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?"""
				.formatted(conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions)))
			.params(params)
			.query((rs, i) -> new Listed(request(rs), rs.getString("patient_name"), rs.getString("clinician_name")))
			.list();
	}

	private static ReportRequest request(ResultSet rs) throws SQLException {
		return new ReportRequest(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getString("request_code"),
				rs.getLong("patient_id"), rs.getLong("clinician_id"), rs.getString("requested_tests"),
				rs.getObject("due_date", LocalDate.class), rs.getString("additional_notes"),
				ReportRequestStatus.valueOf(rs.getString("status")),
				rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
	}
}
