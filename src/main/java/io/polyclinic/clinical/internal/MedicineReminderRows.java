package io.polyclinic.clinical.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.DoseLog;
import io.polyclinic.clinical.DoseStatus;
import io.polyclinic.clinical.DueDose;
import io.polyclinic.clinical.MedicineReminder;

/**
 * Medicine reminders, their doses and their logs in SQL: a patient's reminders with each one's latest log, the doses
 * due (one indexed range of {@code medicine_doses}), and the mark that a dose was reminded, set once.
 */
@Component
public class MedicineReminderRows {

	private final JdbcClient jdbc;

	MedicineReminderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reminder to keep, and the instants of its doses. */
	public record NewReminder(long prescriptionId, int lineNumber, long patientId, String medicationName,
			String dosage, String frequency, String duration, String instructions, DoseSchedule schedule,
			ZoneId timeZone, Instant startsAt, Instant endsAt, List<Instant> doses) {
	}

	/** Who a reminder is for, found by its public id. */
	public record Owner(long id, UUID publicId, long patientId) {
	}

	public long insert(NewReminder reminder, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO medicine_reminders (public_id, prescription_id, line_number, patient_id, medication_name,
				  dosage, frequency, duration, instructions, reminder_times, every_days, time_zone, starts_at, ends_at,
				  created_at)
				VALUES (:publicId, :prescriptionId, :line, :patientId, :name, :dosage, :frequency, :duration,
				  :instructions, :times, :everyDays, :zone, :startsAt, :endsAt, :now)""")
			.param("publicId", UUID.randomUUID())
			.param("prescriptionId", reminder.prescriptionId())
			.param("line", reminder.lineNumber())
			.param("patientId", reminder.patientId())
			.param("name", reminder.medicationName())
			.param("dosage", reminder.dosage())
			.param("frequency", reminder.frequency())
			.param("duration", reminder.duration())
			.param("instructions", reminder.instructions())
			.param("times", reminder.schedule().times().stream().map(LocalTime::toString)
				.collect(Collectors.joining(",")))
			.param("everyDays", reminder.schedule().everyDays())
			.param("zone", reminder.timeZone().getId())
			.param("startsAt", utc(reminder.startsAt()))
			.param("endsAt", utc(reminder.endsAt()))
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (Instant dose : reminder.doses()) {
			addDose(id, dose);
		}
		return id;
	}

	/** A dose more (a snoozed one comes back); one already there at that instant is kept. */
	public void addDose(long reminderId, Instant dueAt) {
		jdbc.sql("""
				INSERT INTO medicine_doses (reminder_id, due_at)
				SELECT r.id, :dueAt FROM medicine_reminders r
				WHERE r.id = :reminder AND NOT EXISTS
				  (SELECT 1 FROM medicine_doses d WHERE d.reminder_id = :reminder AND d.due_at = :dueAt)""")
			.param("reminder", reminderId)
			.param("dueAt", utc(dueAt))
			.update();
	}

	/** Stops a prescription's reminders that are still running. */
	public int stopAll(long prescriptionId, Instant now) {
		return jdbc.sql("UPDATE medicine_reminders SET stopped_at = :now WHERE prescription_id = :prescription"
				+ " AND stopped_at IS NULL")
			.param("now", utc(now))
			.param("prescription", prescriptionId)
			.update();
	}

	public Optional<Owner> owner(UUID publicId) {
		return jdbc.sql("SELECT id, public_id, patient_id FROM medicine_reminders WHERE public_id = ?")
			.param(publicId)
			.query((rs, i) -> new Owner(rs.getLong("id"), rs.getObject("public_id", UUID.class),
					rs.getLong("patient_id")))
			.optional();
	}

	/** A patient's reminders, those still running first, then the newest; each with its latest log's status. */
	public List<MedicineReminder> ofPatient(long patientId, Instant now, int limit) {
		return jdbc.sql("""
				SELECT r.*, pr.public_id AS prescription_public_id,
				  (SELECT l.status FROM reminder_logs l WHERE l.reminder_id = r.id
				   ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS last_status,
				  (SELECT MIN(d.due_at) FROM medicine_doses d WHERE d.reminder_id = r.id AND d.due_at > :now)
				    AS next_dose_at
				FROM medicine_reminders r JOIN prescriptions pr ON pr.id = r.prescription_id
				WHERE r.patient_id = :patient
				ORDER BY CASE WHEN r.stopped_at IS NULL AND r.ends_at > :now THEN 0 ELSE 1 END, r.created_at DESC,
				  r.id DESC
				LIMIT :limit""")
			.param("now", utc(now))
			.param("patient", patientId)
			.param("limit", limit)
			.query((rs, i) -> reminder(rs, now))
			.list();
	}

	public DoseLog insertLog(long reminderId, UUID reminderPublicId, DoseStatus status, @Nullable Instant takenAt,
			String notes, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO reminder_logs (public_id, reminder_id, status, taken_at, notes, created_at)
				VALUES (:id, :reminder, :status, :takenAt, :notes, :now)""")
			.param("id", id)
			.param("reminder", reminderId)
			.param("status", status.name())
			.param("takenAt", takenAt == null ? null : utc(takenAt))
			.param("notes", notes)
			.param("now", utc(now))
			.update();
		return new DoseLog(id, reminderPublicId, status, takenAt, notes, now);
	}

	/**
	 * Doses due after {@code from} and no later than {@code to} of reminders still running, not yet reminded,
	 * soonest first.
	 */
	public List<DueDose> due(Instant from, Instant to, int limit) {
		return jdbc.sql("""
				SELECT d.id AS dose_id, d.due_at, r.public_id, r.patient_id, p.user_id, r.medication_name, r.dosage,
				  r.instructions, r.time_zone
				FROM medicine_doses d
				JOIN medicine_reminders r ON r.id = d.reminder_id
				JOIN patients p ON p.id = r.patient_id
				WHERE d.due_at > :from AND d.due_at <= :to AND d.reminded_at IS NULL AND r.stopped_at IS NULL
				ORDER BY d.due_at, d.id LIMIT :limit""")
			.param("from", utc(from))
			.param("to", utc(to))
			.param("limit", limit)
			.query((rs, i) -> new DueDose(rs.getLong("dose_id"), rs.getObject("public_id", UUID.class),
					rs.getLong("patient_id"), rs.getLong("user_id"), rs.getString("medication_name"),
					rs.getString("dosage"), rs.getString("instructions"), instant(rs, "due_at"),
					ZoneId.of(rs.getString("time_zone"))))
			.list();
	}

	/** Marks a dose reminded: true for the one caller who marked it, false if it was marked already. */
	public boolean markReminded(long doseId, Instant now) {
		return jdbc.sql("UPDATE medicine_doses SET reminded_at = :now WHERE id = :id AND reminded_at IS NULL")
			.param("now", utc(now))
			.param("id", doseId)
			.update() == 1;
	}

	private static MedicineReminder reminder(ResultSet rs, Instant now) throws SQLException {
		String times = rs.getString("reminder_times");
		Instant endsAt = instant(rs, "ends_at");
		boolean active = rs.getObject("stopped_at") == null && endsAt.isAfter(now);
		String last = rs.getString("last_status");
		OffsetDateTime next = rs.getObject("next_dose_at", OffsetDateTime.class);
		return new MedicineReminder(rs.getObject("public_id", UUID.class),
				rs.getObject("prescription_public_id", UUID.class), rs.getLong("patient_id"),
				rs.getString("medication_name"), rs.getString("dosage"), rs.getString("frequency"),
				rs.getString("duration"), rs.getString("instructions"),
				times.isEmpty() ? List.of() : Arrays.stream(times.split(",")).map(LocalTime::parse).toList(),
				rs.getInt("every_days"), ZoneId.of(rs.getString("time_zone")), instant(rs, "starts_at"), endsAt,
				active, last == null ? null : DoseStatus.valueOf(last),
				next == null || !active ? null : next.toInstant(), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
