package io.polyclinic.scheduling;

import org.jspecify.annotations.Nullable;

/**
 * An appointment as lists and details show it: the appointment, the names of the people and the place, where an
 * online visit takes place, and where its payment stands — one read model for every face.
 */
public record AppointmentView(Appointment appointment, Person patient, Person clinician, @Nullable Place centre,
		@Nullable String meetingLink, PaymentStanding payment) {

	/** Someone the appointment involves, as far as a list shows them. */
	public record Person(long id, String fullName, @Nullable String phone, @Nullable String email) {
	}

	/** Where the appointment takes place. */
	public record Place(long id, String name) {
	}
}
