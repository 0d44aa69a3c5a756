package io.polyclinic.video.internal;

import java.sql.ResultSet;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.video.VideoConsultation;

/** Video consultations in SQL, with their appointment's state and people read in the same statement. */
@Component
public class ConsultationRows {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	ConsultationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<VideoConsultation> of(long appointmentId) {
		return jdbc.sql("""
				SELECT v.public_id, a.public_id AS appointment, pu.public_id AS patient, cu.public_id AS clinician,
				  v.room_sid, a.status, v.created_at, a.updated_at
				FROM video_consultations v JOIN appointments a ON a.id = v.appointment_id
				JOIN patients p ON p.id = a.patient_id JOIN users pu ON pu.id = p.user_id
				JOIN clinicians c ON c.id = a.clinician_id JOIN users cu ON cu.id = c.user_id
				WHERE v.appointment_id = ?""").param(appointmentId).query(ConsultationRows::row).optional();
	}

	/**
	 * Opens the appointment's room, named by 128 random bits; throws DataIntegrityViolationException when the
	 * appointment already has one (another request opened it first).
	 */
	public void insert(long appointmentId, Instant now, Instant expiresAt, int maxParticipants,
			boolean recordingEnabled) {
		jdbc.sql("""
				INSERT INTO video_consultations (public_id, appointment_id, room_sid, created_at, expires_at,
				  max_participants, recording_enabled) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), appointmentId, "RM" + HexFormat.of().formatHex(randomBytes()),
					now.atOffset(ZoneOffset.UTC), expiresAt.atOffset(ZoneOffset.UTC), maxParticipants, recordingEnabled)
			.update();
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static VideoConsultation row(ResultSet rs, int i) throws SQLException {
		Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
		OffsetDateTime changed = rs.getObject("updated_at", OffsetDateTime.class);
		Instant updated = changed == null || changed.toInstant().isBefore(created) ? created : changed.toInstant();
		return new VideoConsultation(rs.getObject("public_id", UUID.class), rs.getObject("appointment", UUID.class),
				rs.getObject("patient", UUID.class), rs.getObject("clinician", UUID.class), rs.getString("room_sid"),
				status(rs.getString("status")), null, null, null, created, updated);
	}

	private static VideoConsultation.Status status(String appointmentStatus) {
		return switch (appointmentStatus) {
			case "CANCELLED", "NO_SHOW" -> VideoConsultation.Status.CANCELLED;
			case "COMPLETED" -> VideoConsultation.Status.COMPLETED;
			case "IN_PROGRESS" -> VideoConsultation.Status.IN_PROGRESS;
			default -> VideoConsultation.Status.SCHEDULED;
		};
	}
}
