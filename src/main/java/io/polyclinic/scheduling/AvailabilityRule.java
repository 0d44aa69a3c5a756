package io.polyclinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * One weekly window of a clinician's hours, on the clinician's clock; {@code available = false} blocks the window.
 *
 * @param centreId the centre the hours are kept at, or null for any (and online)
 */
public record AvailabilityRule(DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime, boolean available,
		@Nullable Long centreId) {
}
