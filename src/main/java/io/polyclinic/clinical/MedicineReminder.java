package io.polyclinic.clinical;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The reminders of one prescribed medicine: its times of day, worked out from its frequency on the prescriber's
 * calendar ({@code timeZone}), from its first dose to the end of its course.
 *
 * @param id the reminder's public id
 * @param prescriptionId the public id of the prescription that gave it
 * @param reminderTimes the times of day, earliest first; empty for a medicine taken only when needed
 * @param everyDays 1 for every day, 2 for every other day, 7 for weekly
 * @param endsAt the end of the course's last day
 * @param active until the course ends, unless its prescription was stopped or changed
 * @param lastStatus what the patient last said of a dose, or null if nothing yet
 * @param nextDoseAt the next dose it reminds of, or null when none is left
 */
public record MedicineReminder(UUID id, UUID prescriptionId, long patientId, String medicationName, String dosage,
		String frequency, String duration, String instructions, List<LocalTime> reminderTimes, int everyDays,
		ZoneId timeZone, Instant startsAt, Instant endsAt, boolean active, @Nullable DoseStatus lastStatus,
		@Nullable Instant nextDoseAt, Instant createdAt) {

	public MedicineReminder {
		reminderTimes = List.copyOf(reminderTimes);
	}
}
