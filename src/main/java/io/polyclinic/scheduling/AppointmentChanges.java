package io.polyclinic.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** A staff edit of an appointment: a new slot, a new status, new notes; null leaves each as it is. */
public record AppointmentChanges(@Nullable LocalDate date, @Nullable LocalTime time, @Nullable AppointmentStatus status,
		@Nullable String notes) {
}
