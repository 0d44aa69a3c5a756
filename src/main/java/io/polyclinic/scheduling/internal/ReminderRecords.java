package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.scheduling.Reminder;

/** The table of an appointment's reminders (V90), read by appointment on its unique key's leading column. */
@Component
public class ReminderRecords {

	private final JdbcClient jdbc;

	ReminderRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(long appointmentId, String type, String channel, String message, Instant scheduledFor,
			Instant now) {
		jdbc.sql("""
				INSERT INTO appointment_reminder_records (appointment_id, reminder_type, channel, delivery_status,
				    message_content, scheduled_for, created_at)
				VALUES (:appointment, :type, :channel, 'pending', :message, :scheduledFor, :now)""")
			.param("appointment", appointmentId)
			.param("type", type)
			.param("channel", channel)
			.param("message", message)
			.param("scheduledFor", utc(scheduledFor))
			.param("now", utc(now))
			.update();
	}

	/** Records a pending reminder's delivery: sent (with when) or failed. */
	public void delivered(long id, String status, @Nullable String deliveryId, Instant now) {
		jdbc.sql("""
				UPDATE appointment_reminder_records
				SET delivery_status = :status, delivery_id = :delivery, sent_at = :sentAt
				WHERE id = :id AND delivery_status = 'pending'""")
			.param("status", status)
			.param("delivery", deliveryId)
			.param("sentAt", "sent".equals(status) ? utc(now) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("id", id)
			.update();
	}

	public List<Reminder> of(long appointmentId) {
		return jdbc.sql("""
				SELECT id, appointment_id, reminder_type, channel, delivery_status, delivery_id, message_content,
				       scheduled_for, sent_at, created_at
				FROM appointment_reminder_records WHERE appointment_id = :appointment
				ORDER BY scheduled_for, id""")
			.param("appointment", appointmentId)
			.query((rs, i) -> new Reminder(rs.getLong("id"), rs.getLong("appointment_id"),
					rs.getString("reminder_type"), rs.getString("channel"), rs.getString("delivery_status"),
					rs.getString("delivery_id"), rs.getString("message_content"),
					instant(rs.getObject("scheduled_for", OffsetDateTime.class)),
					instantOrNull(rs.getObject("sent_at", OffsetDateTime.class)),
					instant(rs.getObject("created_at", OffsetDateTime.class))))
			.list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time.toInstant();
	}

	private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
