package io.polyclinic.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.directory.DiabetesType;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.PhoneNumbers;

/**
 * Finds patients by part of the name and by the phone's last digits, within what the caller reaches (a centre's
 * patients, a clinician's patients), newest first: one statement for the page and one for the count. Names and
 * phones are read from identity's accounts, which directory builds on.
 */
@Repository
public class PatientSearch {

	private static final String FROM = """
			FROM patients p JOIN users u ON u.id = p.user_id
			WHERE u.deleted_at IS NULL""";

	private final JdbcClient jdbc;

	PatientSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<Patient> find(@Nullable String name, @Nullable String phone, Reach reach, Pageable page) {
		StringBuilder where = new StringBuilder(FROM);
		Map<String, Object> params = new LinkedHashMap<>();
		if (name != null && !name.isBlank()) {
			where.append(" AND LOWER(u.full_name) LIKE :name");
			params.put("name", "%" + name.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		String digits = phone == null || phone.isBlank() ? "" : PhoneNumbers.searchDigits(phone);
		if (!digits.isEmpty()) {
			where.append(" AND u.phone LIKE :phone");
			params.put("phone", "%" + digits);
		}
		switch (reach.kind()) {
			case CLINIC -> {
			}
			case CENTRE -> {
				where.append(" AND EXISTS (SELECT 1 FROM patient_centres pc WHERE pc.patient_id = p.id"
						+ " AND pc.centre_id = :centre)");
				params.put("centre", reach.centreId());
			}
			case CLINICIAN -> {
				where.append(" AND EXISTS (SELECT 1 FROM care_links cl WHERE cl.patient_id = p.id"
						+ " AND cl.clinician_id = :clinician)");
				params.put("clinician", reach.clinicianId());
			}
			case PATIENT -> {
				where.append(" AND p.id = :self");
				params.put("self", reach.patientId());
			}
			case NONE -> {
				return Page.empty(page);
			}
		}
		List<Patient> content = jdbc
			.sql("SELECT " + COLUMNS + where + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
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

	/** What {@link #patient} reads, of a patient {@code p} joined to their account {@code u}. */
	static final String COLUMNS = """
			p.id, p.public_id, p.user_id, u.full_name, u.phone, u.email, p.date_of_birth, p.gender,
			p.blood_group, p.emergency_contact_name, p.emergency_contact_phone, p.medical_history,
			p.lead_source, p.created_at, p.diabetes_type, u.public_id AS account_id
			""";

	static Patient patient(ResultSet rs, int row) throws SQLException {
		return new Patient(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("user_id"),
				rs.getString("full_name"), rs.getString("phone"), rs.getString("email"),
				rs.getObject("date_of_birth", LocalDate.class), rs.getString("gender"), rs.getString("blood_group"),
				rs.getString("emergency_contact_name"), rs.getString("emergency_contact_phone"),
				rs.getString("medical_history"), LeadSource.valueOf(rs.getString("lead_source")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getString("diabetes_type") == null ? null : DiabetesType.valueOf(rs.getString("diabetes_type")),
				rs.getObject("account_id", UUID.class));
	}
}
