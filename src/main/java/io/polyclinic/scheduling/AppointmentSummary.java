package io.polyclinic.scheduling;

import org.jspecify.annotations.Nullable;

/**
 * An appointment with the names of its people and place, for lists that show neither money nor meeting links (a
 * patient's history): cheaper than an {@link AppointmentView}, which asks billing and video too.
 */
public record AppointmentSummary(Appointment appointment, AppointmentView.Person patient,
		AppointmentView.Person clinician, AppointmentView.@Nullable Place centre) {
}
