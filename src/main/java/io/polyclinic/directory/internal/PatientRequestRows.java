package io.polyclinic.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.directory.DiabetesType;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRequest;
import io.polyclinic.directory.PatientRequest.Initiator;
import io.polyclinic.directory.PatientRequest.Status;

/**
 * The rows of patient requests. A decision is one conditional UPDATE (only a pending row changes), so that of two
 * concurrent decisions exactly one takes effect; a second live request of a pair is refused by the database's unique
 * key (V81_1). Lists join both parties' accounts and are counted in SQL.
 */
@Repository
public class PatientRequestRows {

	private static final String SELECT = """
			SELECT r.id, r.public_id, r.status, r.initiated_by, r.urgent_note, r.decline_reason, r.requested_at,
			       r.decided_at, r.created_at, r.updated_at,
			       r.patient_id, pu.public_id AS patient_account, pu.full_name AS patient_name,
			       pu.email AS patient_email, pu.phone AS patient_phone, p.date_of_birth, p.diabetes_type,
			       r.clinician_id, cu.public_id AS doctor_account, cu.full_name AS doctor_name,
			       cu.email AS doctor_email, cu.phone AS doctor_phone,
			       (SELECT s.name FROM clinician_specializations s WHERE s.clinician_id = r.clinician_id
			        ORDER BY s.position LIMIT 1) AS specialty
			FROM patient_requests r
			JOIN patients p ON p.id = r.patient_id JOIN users pu ON pu.id = p.user_id
			JOIN clinicians c ON c.id = r.clinician_id JOIN users cu ON cu.id = c.user_id
			""";

	private final JdbcClient jdbc;

	PatientRequestRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who a request joins, as a decision needs them: the row's ids, its parties' accounts, its status. */
	public record Stub(long id, UUID publicId, long patientId, long patientUserId, long clinicianId,
			long clinicianUserId, Status status, Initiator initiatedBy) {
	}

	/**
	 * Writes a pending request.
	 *
	 * @throws org.springframework.dao.DataIntegrityViolationException when the pair already has a live request
	 */
	public void insert(UUID publicId, long patientId, long clinicianId, Initiator initiatedBy,
			@Nullable String urgentNote, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO patient_requests (public_id, patient_id, clinician_id, status, initiated_by, urgent_note,
				                              requested_at, created_at, updated_at)
				VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)""")
			.params(publicId, patientId, clinicianId, initiatedBy.name(), urgentNote, at, at, at)
			.update();
	}

	/** The status of the pair's live (pending or accepted) request, if there is one. */
	public Optional<Status> live(long patientId, long clinicianId) {
		return jdbc.sql("""
				SELECT status FROM patient_requests
				WHERE patient_id = ? AND clinician_id = ? AND status IN ('PENDING', 'ACCEPTED')""")
			.params(patientId, clinicianId)
			.query((rs, i) -> Status.valueOf(rs.getString(1)))
			.optional();
	}

	public Optional<Stub> stub(UUID publicId) {
		return jdbc.sql("""
				SELECT r.id, r.public_id, r.patient_id, p.user_id AS patient_user, r.clinician_id,
				       c.user_id AS clinician_user, r.status, r.initiated_by
				FROM patient_requests r JOIN patients p ON p.id = r.patient_id
				JOIN clinicians c ON c.id = r.clinician_id
				WHERE r.public_id = ?""")
			.param(publicId)
			.query((rs, i) -> new Stub(rs.getLong("id"), rs.getObject("public_id", UUID.class),
					rs.getLong("patient_id"), rs.getLong("patient_user"), rs.getLong("clinician_id"),
					rs.getLong("clinician_user"), Status.valueOf(rs.getString("status")),
					Initiator.valueOf(rs.getString("initiated_by"))))
			.optional();
	}

	/** Decides a pending request; false when it was no longer pending (decided meanwhile). */
	public boolean decide(long id, Status decision, @Nullable String reason, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		return jdbc.sql("""
				UPDATE patient_requests SET status = ?, decline_reason = ?, decided_at = ?, updated_at = ?
				WHERE id = ? AND status = 'PENDING'""")
			.params(decision.name(), reason, at, at, id)
			.update() == 1;
	}

	public PatientRequest get(long id, LocalDate today) {
		return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(mapper(today)).single();
	}

	public PatientRequest get(UUID publicId, LocalDate today) {
		return jdbc.sql(SELECT + " WHERE r.public_id = ?").param(publicId).query(mapper(today)).single();
	}

	/**
	 * Requests of one clinician or one patient (or both), perhaps of one status, perhaps asked by one side, newest
	 * first; a page and its total.
	 */
	public Page<PatientRequest> find(@Nullable Long clinicianId, @Nullable Long patientId, @Nullable Status status,
			@Nullable Initiator initiatedBy, Pageable page, LocalDate today) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (clinicianId != null) {
			where.append(" AND r.clinician_id = :clinician");
			params.put("clinician", clinicianId);
		}
		if (patientId != null) {
			where.append(" AND r.patient_id = :patient");
			params.put("patient", patientId);
		}
		if (status != null) {
			where.append(" AND r.status = :status");
			params.put("status", status.name());
		}
		if (initiatedBy != null) {
			where.append(" AND r.initiated_by = :initiator");
			params.put("initiator", initiatedBy.name());
		}
		List<PatientRequest> content = jdbc.sql(SELECT + where + " ORDER BY r.requested_at DESC, r.id DESC"
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(mapper(today))
			.list();
		long total = content.size() < page.getPageSize() && (page.getOffset() == 0 || !content.isEmpty())
				? page.getOffset() + content.size()
				: jdbc.sql("SELECT COUNT(*) FROM patient_requests r" + where).params(params).query(Long.class).single();
		return new PageImpl<>(content, page, total);
	}

	/**
	 * The patients the clinician follows (accepted requests), the most recently accepted first, perhaps only those
	 * whose name or email contains {@code text}; a page and its total.
	 */
	public Page<Patient> followed(long clinicianId, @Nullable String text, Pageable page) {
		StringBuilder where = new StringBuilder("""
				FROM patient_requests r JOIN patients p ON p.id = r.patient_id JOIN users u ON u.id = p.user_id
				WHERE r.clinician_id = :clinician AND r.status = 'ACCEPTED' AND u.deleted_at IS NULL""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("clinician", clinicianId);
		if (text != null && !text.isBlank()) {
			where.append(" AND (LOWER(u.full_name) LIKE :text OR LOWER(u.email) LIKE :text)");
			params.put("text", "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		List<Patient> content = jdbc
			.sql("SELECT " + PatientSearch.COLUMNS + where + " ORDER BY r.decided_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(PatientSearch::patient)
			.list();
		long total = content.size() < page.getPageSize() && (page.getOffset() == 0 || !content.isEmpty())
				? page.getOffset() + content.size()
				: jdbc.sql("SELECT COUNT(*) " + where).params(params).query(Long.class).single();
		return new PageImpl<>(content, page, total);
	}

	/** Every patient the clinician follows, matching the text if given, the latest accepted first: ids only. */
	public List<Long> followedIds(long clinicianId, @Nullable String text) {
		StringBuilder sql = new StringBuilder("""
				SELECT p.id FROM patient_requests r JOIN patients p ON p.id = r.patient_id JOIN users u ON u.id = p.user_id
				WHERE r.clinician_id = :clinician AND r.status = 'ACCEPTED' AND u.deleted_at IS NULL""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("clinician", clinicianId);
		if (text != null && !text.isBlank()) {
			sql.append(" AND (LOWER(u.full_name) LIKE :text OR LOWER(u.email) LIKE :text)");
			params.put("text", "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		return jdbc.sql(sql + " ORDER BY r.decided_at DESC, r.id DESC").params(params).query(Long.class).list();
	}

	private static RowMapper<PatientRequest> mapper(LocalDate today) {
		return (rs, row) -> {
			LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
			var patient = new PatientRequest.Requester(rs.getLong("patient_id"),
					rs.getObject("patient_account", UUID.class), rs.getString("patient_name"),
					rs.getString("patient_email"), rs.getString("patient_phone"), born,
					born == null || born.isAfter(today) ? null : Period.between(born, today).getYears(),
					rs.getString("diabetes_type") == null ? null : DiabetesType.valueOf(rs.getString("diabetes_type")));
			var doctor = new PatientRequest.Addressee(rs.getLong("clinician_id"),
					rs.getObject("doctor_account", UUID.class), rs.getString("doctor_name"), rs.getString("doctor_email"),
					rs.getString("doctor_phone"), rs.getString("specialty"));
			return new PatientRequest(rs.getObject("public_id", UUID.class), Status.valueOf(rs.getString("status")),
					Initiator.valueOf(rs.getString("initiated_by")), patient, doctor, rs.getString("urgent_note"),
					rs.getString("decline_reason"),
					instant(rs, "requested_at"), instant(rs, "decided_at"), instant(rs, "created_at"),
					instant(rs, "updated_at"));
		};
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
