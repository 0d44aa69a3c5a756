package io.polyclinic.scheduling.internal;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.AppointmentView;

/**
 * What one booking needs to know besides the request, read in one statement: the clinician's calendar, the state
 * of the centre asked for, and the patient asked for (null when there is none by that reference, or none was asked)
 * — with whether the clinician already cares for the patient and whether the patient already belongs to the centre
 * that will run the appointment, so that a booking writes those links only when they are new; and whether a block of
 * the clinician's time lies near the time asked for, so that a booking looks blocks up exactly only then — and
 * likewise whether a slot the clinician opened does.
 */
public record BookingContext(ClinicianCalendar calendar, CentreState centre,
		AppointmentView.@Nullable Person patient, boolean linked, boolean enrolled,
		boolean blocksNear, boolean slotsNear) {

	public enum CentreState {
		NONE_ASKED, MISSING, INACTIVE, ACTIVE
	}
}
