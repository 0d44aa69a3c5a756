package io.polyclinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A batch of slots a clinician opens: on these days of the week, from {@code start} to {@code end} on their clock,
 * cut into slots of {@code slotDurationMinutes} each: every Monday and Wednesday, 09:00 to 17:00, half an hour each.
 */
public record SlotBatch(Set<DayOfWeek> days, LocalTime start, LocalTime end, int slotDurationMinutes) {

	public SlotBatch {
		days = Set.copyOf(days);
	}
}
