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
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.polyclinic.video.RtcSignal;
import io.polyclinic.video.RtcSignalQuery;

/** The signals of rooms in SQL, with their room's name and their sender's name read in the same statement. */
@Component
public class SignalRows {

	private static final String SELECT = """
			SELECT s.id, s.public_id, s.consultation_id, v.room_sid, s.sender_user_id, u.full_name, s.signal_type,
			  s.payload, s.created_at, s.sender_connection, s.recipient_connection
			FROM rtc_signals s JOIN video_consultations v ON v.id = s.consultation_id
			JOIN users u ON u.id = s.sender_user_id""";

	private final JdbcClient jdbc;

	SignalRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param from the sender's connection, if the signal came over a socket that names itself
	 * @param to the one connection of the other party it is meant for, or null for all of theirs
	 */
	public RtcSignal insert(long roomPk, long senderUserId, String signalType, String payload, Instant now,
			@Nullable String from, @Nullable String to) {
		UUID publicId = UUID.randomUUID();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO rtc_signals (public_id, consultation_id, sender_user_id, signal_type, payload, created_at,
				  sender_connection, recipient_connection)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(publicId, roomPk, senderUserId, signalType, payload, now.atOffset(ZoneOffset.UTC), from, to)
			.update(keys, "id");
		return byPublicId(publicId).orElseThrow();
	}

	public Optional<RtcSignal> byPublicId(UUID publicId) {
		return jdbc.sql(SELECT + " WHERE s.public_id = ?").param(publicId).query(SignalRows::row).optional();
	}

	/** A room's signals in the order they were sent, after the one named (if any), at most {@code limit}. */
	public List<RtcSignal> ofRoom(long roomPk, @Nullable Long afterId, int limit) {
		return jdbc.sql(SELECT + " WHERE s.consultation_id = :room" + (afterId == null ? "" : " AND s.id > :after")
				+ " ORDER BY s.created_at, s.id LIMIT :limit")
			.param("room", roomPk)
			.params(afterId == null ? Map.of() : Map.of("after", afterId))
			.param("limit", limit)
			.query(SignalRows::row)
			.list();
	}

	/**
	 * A page of the signals of rooms in scope: of a patient's appointments, of a clinician's, of a centre's, or all
	 * (every scope null).
	 */
	public Page<RtcSignal> find(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long centreId,
			RtcSignalQuery query, Pageable page) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		String scope = "";
		if (patientId != null || clinicianId != null || centreId != null) {
			scope = " JOIN appointments a ON a.id = v.appointment_id";
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
		}
		if (query.roomPk() != null) {
			conditions.add("s.consultation_id = :room");
			params.put("room", query.roomPk());
		}
		if (query.signalType() != null) {
			conditions.add("s.signal_type = :type");
			params.put("type", query.signalType());
		}
		if (query.senderUserId() != null) {
			conditions.add("s.sender_user_id = :sender");
			params.put("sender", query.senderUserId());
		}
		String where = scope + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
		String order = query.newestFirst() ? "s.created_at DESC, s.id DESC" : "s.created_at ASC, s.id ASC";
		List<RtcSignal> signals = jdbc.sql(SELECT + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(SignalRows::row)
			.list();
		return PageableExecutionUtils.getPage(signals, page, () -> jdbc.sql("SELECT COUNT(*) FROM rtc_signals s "
				+ "JOIN video_consultations v ON v.id = s.consultation_id" + where).params(params).query(Long.class)
			.single());
	}

	private static RtcSignal row(ResultSet rs, int i) throws SQLException {
		return new RtcSignal(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("consultation_id"),
				rs.getString("room_sid"), rs.getLong("sender_user_id"), rs.getString("full_name"),
				rs.getString("signal_type"), rs.getString("payload"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("sender_connection"),
				rs.getString("recipient_connection"));
	}
}
