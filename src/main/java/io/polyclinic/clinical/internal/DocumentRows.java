package io.polyclinic.clinical.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.DocumentType;
import io.polyclinic.clinical.MedicalDocument;
import io.polyclinic.clinical.MedicalDocumentQuery;
import io.polyclinic.directory.Reach;

/**
 * Medical documents read in SQL, each with its patient's account: one by id, a page filtered, searched, kept within
 * the caller's reach, ordered and counted in one statement, a patient's most recent ones and their number.
 */
@Component
public class DocumentRows {

	private static final String SELECT = "SELECT d.*, p.user_id AS patient_user_id";
	private static final String FROM = " FROM medical_documents d JOIN patients p ON p.id = d.patient_id";

	private final JdbcClient jdbc;

	DocumentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of documents and the number of all pages' documents (known only when the page is not empty). */
	public record Page(List<MedicalDocument> documents, long total) {
	}

	public Optional<MedicalDocument> byId(long id) {
		return jdbc.sql(SELECT + FROM + " WHERE d.id = ? AND d.deleted_at IS NULL").param(id)
			.query((rs, i) -> document(rs)).optional();
	}

	public Page page(Reach reach, MedicalDocumentQuery query, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String direction = query.descending() ? " DESC" : "";
		String order = switch (query.order()) {
			case CREATED_AT -> "d.created_at" + direction;
			case UPDATED_AT -> "d.updated_at" + direction;
			case TITLE -> "LOWER(d.title)" + direction;
			case DOCUMENT_TYPE -> "d.document_type" + direction;
		} + ", d.id" + direction;
		String sql = SELECT + ", COUNT(*) OVER () AS total" + FROM + " WHERE " + where(reach, query, params)
				+ " ORDER BY " + order + " LIMIT ? OFFSET ?";
		params.add(limit);
		params.add(offset);
		List<Long> totals = new ArrayList<>();
		List<MedicalDocument> documents = jdbc.sql(sql).params(params).query((rs, i) -> {
			totals.add(rs.getLong("total"));
			return document(rs);
		}).list();
		return new Page(documents, totals.isEmpty() ? 0 : totals.get(0));
	}

	/** How many documents match: for a page past the last one, which counts nothing itself. */
	public long count(Reach reach, MedicalDocumentQuery query) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*)" + FROM + " WHERE " + where(reach, query, params)).params(params)
			.query(Long.class).single();
	}

	/** The patient's newest documents, at most {@code limit}. */
	public List<MedicalDocument> recent(long patientId, int limit) {
		return jdbc.sql(SELECT + FROM
				+ " WHERE d.patient_id = ? AND d.deleted_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT ?")
			.params(patientId, limit).query((rs, i) -> document(rs)).list();
	}

	public long countOf(long patientId) {
		return jdbc.sql("SELECT COUNT(*) FROM medical_documents WHERE patient_id = ? AND deleted_at IS NULL")
			.param(patientId).query(Long.class).single();
	}

	private static String where(Reach reach, MedicalDocumentQuery query, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("d.deleted_at IS NULL");
		ReachSql.narrow(reach, "d.patient_id", conditions, params);
		condition(conditions, params, "d.patient_id = ?", query.patientId());
		condition(conditions, params, "d.document_type = ?", query.type() == null ? null : query.type().name());
		condition(conditions, params, "d.appointment_id = ?", query.appointmentId());
		condition(conditions, params, "d.verified = ?", query.verified());
		if (query.search() != null && !query.search().isBlank()) {
			String like = ReachSql.contains(query.search());
			conditions.add("(LOWER(d.title) LIKE ? ESCAPE '\\' OR LOWER(d.description) LIKE ? ESCAPE '\\')");
			params.add(like);
			params.add(like);
		}
		return String.join(" AND ", conditions);
	}

	private static void condition(List<String> conditions, List<Object> params, String condition,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.add(value);
		}
	}

	private static MedicalDocument document(ResultSet rs) throws SQLException {
		return new MedicalDocument(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("patient_id"),
				rs.getLong("patient_user_id"), rs.getLong("uploaded_by_user_id"),
				rs.getObject("appointment_id", Long.class), DocumentType.valueOf(rs.getString("document_type")),
				rs.getString("title"), rs.getString("description"), rs.getObject("file_id", UUID.class),
				rs.getString("file_name"), rs.getLong("file_size"), rs.getString("content_type"),
				rs.getBoolean("verified"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
