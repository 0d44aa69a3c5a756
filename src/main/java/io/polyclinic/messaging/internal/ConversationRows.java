package io.polyclinic.messaging.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.messaging.ConversationSummary;

/** Conversations in SQL: the other party's name and picture joined, the latest first, limited in the statement. */
@Component
public class ConversationRows {

	private final JdbcClient jdbc;

	ConversationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ConversationSummary> ofPatient(long patientId, int limit) {
		return jdbc.sql("""
				SELECT v.public_id, u.public_id AS partner, u.full_name, COALESCE(u.profile_picture_url,
				  c.profile_picture_url) AS avatar, v.last_message, COALESCE(v.last_message_at, v.created_at) AS at
				FROM conversations v JOIN clinicians c ON c.id = v.clinician_id JOIN users u ON u.id = c.user_id
				WHERE v.patient_id = ?
				ORDER BY at DESC, v.id DESC LIMIT ?""").params(patientId, limit).query(ConversationRows::summary).list();
	}

	public List<ConversationSummary> ofClinician(long clinicianId, int limit) {
		return jdbc.sql("""
				SELECT v.public_id, u.public_id AS partner, u.full_name, u.profile_picture_url AS avatar,
				  v.last_message, COALESCE(v.last_message_at, v.created_at) AS at
				FROM conversations v JOIN patients p ON p.id = v.patient_id JOIN users u ON u.id = p.user_id
				WHERE v.clinician_id = ?
				ORDER BY at DESC, v.id DESC LIMIT ?""").params(clinicianId, limit).query(ConversationRows::summary).list();
	}

	/** Opens the pair's conversation unless it is open already; true when it was opened now. */
	public boolean open(long patientId, long clinicianId, Instant now) {
		return jdbc.sql("""
				INSERT INTO conversations (public_id, patient_id, clinician_id, created_at)
				SELECT ?, ?, ?, ? WHERE NOT EXISTS (
				  SELECT 1 FROM conversations WHERE patient_id = ? AND clinician_id = ?)""")
			.params(UUID.randomUUID(), patientId, clinicianId, now.atOffset(ZoneOffset.UTC), patientId, clinicianId)
			.update() > 0;
	}

	private static ConversationSummary summary(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		// unread counts come with messages; there are none to read yet
		return new ConversationSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), 0);
	}
}
