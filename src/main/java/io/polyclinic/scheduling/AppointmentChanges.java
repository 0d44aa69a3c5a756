package io.polyclinic.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An edit of an appointment; null leaves each part as it is.
 *
 * @param date a new grid slot's day (with {@code time}; either alone keeps the other)
 * @param interval a new free interval instead of a grid slot
 * @param visitLocation where the visit takes place (JSON text); {@code clearVisitLocation} removes it
 */
public record AppointmentChanges(@Nullable LocalDate date, @Nullable LocalTime time,
		AppointmentRequest.@Nullable Interval interval, @Nullable AppointmentStatus status, @Nullable String notes,
		@Nullable ConsultationType consultationType, @Nullable List<String> symptoms, @Nullable String visitLocation,
		boolean clearVisitLocation) {

	/** A staff edit of the grid slot, the status or the notes. */
	public AppointmentChanges(@Nullable LocalDate date, @Nullable LocalTime time, @Nullable AppointmentStatus status,
			@Nullable String notes) {
		this(date, time, null, status, notes, null, null, null, false);
	}

	/** Whether the edit moves the appointment. */
	public boolean movesTime() {
		return date != null || time != null || interval != null;
	}

	/** Whether the edit changes what the visit is about or how it takes place. */
	public boolean changesDetails() {
		return notes != null || consultationType != null || symptoms != null || visitLocation != null
				|| clearVisitLocation;
	}
}
