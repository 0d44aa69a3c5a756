package io.polyclinic.scheduling;

import java.time.Instant;
import java.time.LocalTime;

/**
 * A start time on a clinician's grid for one day — of their weekly hours, or a slot they opened with its own length —
 * and whether it can still be booked.
 *
 * @param endTime when the consultation that starts then ends, on the same clock as {@code time}
 * @param endsAt the exact instant it ends
 */
public record Slot(LocalTime time, Instant startsAt, boolean available, LocalTime endTime, Instant endsAt) {
}
