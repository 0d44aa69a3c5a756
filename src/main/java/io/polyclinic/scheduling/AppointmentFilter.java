package io.polyclinic.scheduling;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Filters of the staff appointment list; null means any. The date is the clinician's local date. */
public record AppointmentFilter(@Nullable Long centreId, @Nullable Long clinicianId, @Nullable Long patientId,
		@Nullable LocalDate date, @Nullable AppointmentStatus status) {
}
