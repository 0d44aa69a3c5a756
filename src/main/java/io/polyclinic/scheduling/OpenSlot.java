package io.polyclinic.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A free slot of a clinician's grid, named by its {@link SlotId}: the exact instants, and the date and times on the
 * clinician's clock.
 */
public record OpenSlot(SlotId id, LocalDate date, LocalTime time, LocalTime endTime, Instant startsAt, Instant endsAt,
		ZoneId zone) {

	public int minutes() {
		return (int) Duration.between(startsAt, endsAt).toMinutes();
	}
}
