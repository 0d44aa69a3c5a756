package io.polyclinic.notify.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which appointments are due a reminder, and the mark that one was sent: notify's own table, one row per appointment
 * and start, so that an appointment moved to another time is reminded of its new time. The due list reads
 * scheduling's appointments (a read model over the module notify depends on) and is answered by the index on
 * status and start.
 */
@Component
class AppointmentReminders {

	private final JdbcClient jdbc;

	AppointmentReminders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An appointment to remind, at the start it has now. */
	record Due(long appointmentId, Instant startsAt) {
	}

	/** Confirmed appointments starting after {@code from} and no later than {@code to}, not yet reminded, soonest first. */
	List<Due> due(Instant from, Instant to, int limit) {
		return jdbc.sql("""
				SELECT a.id, a.starts_at FROM appointments a
				WHERE a.status = 'CONFIRMED' AND a.starts_at > :from AND a.starts_at <= :to
				  AND NOT EXISTS (SELECT 1 FROM appointment_reminders r
				                  WHERE r.appointment_id = a.id AND r.starts_at = a.starts_at)
				ORDER BY a.starts_at, a.id LIMIT :limit""")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.param("limit", limit)
			.query((rs, i) -> new Due(rs.getLong("id"), rs.getObject("starts_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Marks the appointment reminded of this start. {@code deliveryId} is null when there was nothing to send (the
	 * patient cannot be reached). A mark another node made first is kept.
	 */
	void mark(Due due, @Nullable Long deliveryId, Instant now) {
		try {
			jdbc.sql("""
					INSERT INTO appointment_reminders (appointment_id, starts_at, delivery_id, reminded_at)
					VALUES (:appointmentId, :startsAt, :deliveryId, :now)""")
				.param("appointmentId", due.appointmentId())
				.param("startsAt", due.startsAt().atOffset(ZoneOffset.UTC))
				.param("deliveryId", deliveryId)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException e) {
			// already marked: the reminder went out once, which is all that matters
		}
	}
}
