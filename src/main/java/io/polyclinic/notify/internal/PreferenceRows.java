package io.polyclinic.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.notify.NotificationPreferences.Preferences;

/** People's notification choices in SQL: by account, or by the patient an appointment is for. */
@Component
public class PreferenceRows {

	private static final String COLUMNS = "n.email, n.sms, n.push, n.appointment_reminders, "
			+ "n.appointment_confirmations, n.payment_notifications, n.reminder_minutes, n.updated_at";

	private final JdbcClient jdbc;

	PreferenceRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Preferences> of(long userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notification_preferences n WHERE n.user_id = ?").param(userId)
			.query(PreferenceRows::row).optional();
	}

	/** The choices of a patient record's person: the defaults when they made none. */
	public Preferences ofPatient(long patientId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notification_preferences n JOIN patients p ON p.user_id = n.user_id "
				+ "WHERE p.id = ?").param(patientId).query(PreferenceRows::row).optional().orElse(Preferences.DEFAULTS);
	}

	/** The choices of the person an appointment is for: the defaults when they made none. */
	public Preferences ofAppointment(long appointmentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notification_preferences n JOIN patients p ON p.user_id = n.user_id "
				+ "JOIN appointments a ON a.patient_id = p.id WHERE a.id = ?").param(appointmentId)
			.query(PreferenceRows::row).optional().orElse(Preferences.DEFAULTS);
	}

	public void save(long userId, Preferences p) {
		var at = p.updatedAt() == null ? null : p.updatedAt().atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE notification_preferences SET email = ?, sms = ?, push = ?, appointment_reminders = ?,
				  appointment_confirmations = ?, payment_notifications = ?, reminder_minutes = ?, updated_at = ?
				WHERE user_id = ?""").params(p.email(), p.sms(), p.push(), p.appointmentReminders(),
				p.appointmentConfirmations(), p.paymentNotifications(), p.reminderMinutes(), at, userId).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO notification_preferences (user_id, email, sms, push, appointment_reminders,
					  appointment_confirmations, payment_notifications, reminder_minutes, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(userId, p.email(), p.sms(), p.push(),
					p.appointmentReminders(), p.appointmentConfirmations(), p.paymentNotifications(),
					p.reminderMinutes(), at).update();
		}
	}

	private static Preferences row(ResultSet rs, int i) throws SQLException {
		return new Preferences(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
				rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7), rs.getObject(8, OffsetDateTime.class).toInstant());
	}
}
