package io.polyclinic.video.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.video.RtcRoom;
import io.polyclinic.video.RtcRoomQuery;

/**
 * WebRTC rooms in SQL: the video consultation rows, with their appointment's parties read in the same statement (a
 * read model over scheduling's and directory's tables). A room reads as expired once its time has passed while it was
 * still open; the list filters on that same rule in SQL.
 */
@Component
public class RoomRows {

	private static final String SELECT = """
			SELECT v.id, v.room_sid, v.appointment_id, v.status, v.max_participants, v.recording_enabled, v.created_at,
			  v.started_at, v.ended_at, v.expires_at, a.patient_id, p.user_id AS patient_user_id, a.clinician_id,
			  c.user_id AS clinician_user_id, a.status AS appointment_status, a.starts_at AS appointment_starts_at
			FROM video_consultations v JOIN appointments a ON a.id = v.appointment_id
			JOIN patients p ON p.id = a.patient_id JOIN clinicians c ON c.id = a.clinician_id""";

	/** The status a room reads as at :now. */
	private static final String EFFECTIVE_STATUS = "CASE WHEN v.status IN ('CREATED', 'ACTIVE') AND v.expires_at <= :now "
			+ "THEN 'EXPIRED' ELSE v.status END";

	private final JdbcClient jdbc;

	RoomRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<RtcRoom> byId(long id, Instant now) {
		return jdbc.sql(SELECT + " WHERE v.id = ?").param(id).query(mapper(now)).optional();
	}

	public Optional<RtcRoom> byRoomId(String roomId, Instant now) {
		return jdbc.sql(SELECT + " WHERE v.room_sid = ?").param(roomId).query(mapper(now)).optional();
	}

	public Optional<RtcRoom> byAppointment(long appointmentId, Instant now) {
		return jdbc.sql(SELECT + " WHERE v.appointment_id = ?").param(appointmentId).query(mapper(now)).optional();
	}

	/**
	 * A page of rooms of the appointments in scope: a patient's, a clinician's, a centre's (by the centre that runs
	 * the appointment), or all (every scope null).
	 */
	public Page<RtcRoom> find(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long centreId,
			RtcRoomQuery query, Instant now, Pageable page) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("now", now.atOffset(ZoneOffset.UTC));
		if (patientId != null) {
			conditions.add("a.patient_id = :patient");
			params.put("patient", patientId);
		}
		if (clinicianId != null) {
			conditions.add("a.clinician_id = :clinician");
			params.put("clinician", clinicianId);
		}
		if (centreId != null) {
			conditions.add("a.managing_centre_id = :centre");
			params.put("centre", centreId);
		}
		if (query.clinicianId() != null) {
			conditions.add("a.clinician_id = :doctor");
			params.put("doctor", query.clinicianId());
		}
		if (query.patientUserId() != null) {
			conditions.add("p.user_id = :patientUser");
			params.put("patientUser", query.patientUserId());
		}
		if (query.status() != null) {
			conditions.add(EFFECTIVE_STATUS + " = :status");
			params.put("status", query.status().name());
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		String order = switch (query.order()) {
			case CREATED_ASC -> "v.created_at ASC, v.id ASC";
			case CREATED_DESC -> "v.created_at DESC, v.id DESC";
			// rooms not started come last either way
			case STARTED_ASC -> "CASE WHEN v.started_at IS NULL THEN 1 ELSE 0 END, v.started_at ASC, v.id ASC";
			case STARTED_DESC -> "CASE WHEN v.started_at IS NULL THEN 1 ELSE 0 END, v.started_at DESC, v.id DESC";
		};
		List<RtcRoom> rooms = jdbc.sql(SELECT + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(mapper(now))
			.list();
		return PageableExecutionUtils.getPage(rooms, page, () -> jdbc.sql("SELECT COUNT(*) FROM video_consultations v "
				+ "JOIN appointments a ON a.id = v.appointment_id JOIN patients p ON p.id = a.patient_id" + where)
			.params(params).query(Long.class).single());
	}

	public void changeSettings(long id, int maxParticipants, boolean recordingEnabled, Instant expiresAt) {
		jdbc.sql("UPDATE video_consultations SET max_participants = ?, recording_enabled = ?, expires_at = ? WHERE id = ?")
			.params(maxParticipants, recordingEnabled, expiresAt.atOffset(ZoneOffset.UTC), id).update();
	}

	/** Starts a created room that has not expired; false when it was not such a room (any longer). */
	public boolean start(long id, Instant now) {
		return jdbc.sql("""
				UPDATE video_consultations SET status = 'ACTIVE', started_at = :now
				WHERE id = :id AND status = 'CREATED' AND expires_at > :now""")
			.param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update() == 1;
	}

	/** Ends a room that is still open (created or active, not expired); false when it was not such a room. */
	public boolean end(long id, Instant now) {
		return jdbc.sql("""
				UPDATE video_consultations SET status = 'ENDED', ended_at = :now
				WHERE id = :id AND status IN ('CREATED', 'ACTIVE') AND expires_at > :now""")
			.param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update() == 1;
	}

	private static RowMapper<RtcRoom> mapper(Instant now) {
		return (rs, i) -> {
			Instant expires = instant(rs, "expires_at");
			RtcRoom.Status stored = RtcRoom.Status.valueOf(rs.getString("status"));
			RtcRoom.Status status = stored.isOpen() && !now.isBefore(expires) ? RtcRoom.Status.EXPIRED : stored;
			return new RtcRoom(rs.getLong("id"), rs.getString("room_sid"), rs.getLong("appointment_id"),
					rs.getLong("patient_id"), rs.getLong("patient_user_id"), rs.getLong("clinician_id"),
					rs.getLong("clinician_user_id"), status, rs.getInt("max_participants"),
					rs.getBoolean("recording_enabled"), instant(rs, "created_at"), nullableInstant(rs, "started_at"),
					nullableInstant(rs, "ended_at"), expires, AppointmentStatus.valueOf(rs.getString("appointment_status")),
					instant(rs, "appointment_starts_at"));
		};
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
