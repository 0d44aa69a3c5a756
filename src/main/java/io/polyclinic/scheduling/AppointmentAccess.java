package io.polyclinic.scheduling;

import io.polyclinic.directory.Reach;
import io.polyclinic.scheduling.internal.AppointmentRows.Scope;

/**
 * Which appointments a caller's reach (the access policy's answer) takes in: the clinic's staff all, a centre's staff
 * those their centre runs, a patient their own, a clinician their own. One rule for one appointment and for a list.
 */
final class AppointmentAccess {

	private AppointmentAccess() {
	}

	static boolean sees(Reach reach, Appointment a) {
		return switch (reach.kind()) {
			case CLINIC -> true;
			case CENTRE -> reach.runs(a.managingCentreId());
			case PATIENT -> reach.isPatient(a.patientId());
			case CLINICIAN -> reach.isClinician(a.clinicianId());
			case NONE -> false;
		};
	}

	/** The same rule as SQL limits; none for a caller who reaches no appointment. */
	static Scope scope(Reach reach) {
		return switch (reach.kind()) {
			case CLINIC -> Scope.CLINIC;
			case CENTRE -> new Scope(null, null, reach.centreId());
			case PATIENT -> new Scope(reach.patientId(), null, null);
			case CLINICIAN -> new Scope(null, reach.clinicianId(), null);
			case NONE -> throw new IllegalArgumentException("No scope for a caller who reaches nothing");
		};
	}
}
