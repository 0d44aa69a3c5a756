package io.polyclinic.clinical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A dose whose time has come and whose patient has not been reminded of it yet: what the clinic's sender needs to
 * tell them.
 *
 * @param doseId the dose, to mark reminded once told
 * @param reminderId the reminder's public id
 * @param timeZone the calendar the dose's time is read on
 */
public record DueDose(long doseId, UUID reminderId, long patientId, long patientUserId, String medicationName,
		String dosage, String instructions, Instant dueAt, ZoneId timeZone) {
}
