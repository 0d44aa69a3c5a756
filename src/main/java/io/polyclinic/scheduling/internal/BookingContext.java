package io.polyclinic.scheduling.internal;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.AppointmentView;

/**
 * What one booking needs to know besides the request, read in one statement: the clinician's calendar, the state
 * of the centre asked for, and the patient asked for (null when there is none by that reference, or none was asked).
 */
public record BookingContext(ClinicianCalendar calendar, CentreState centre,
		AppointmentView.@Nullable Person patient) {

	public enum CentreState {
		NONE_ASKED, MISSING, INACTIVE, ACTIVE
	}
}
