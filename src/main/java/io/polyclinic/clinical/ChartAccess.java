package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * Who may read and who may add to a patient's chart (documents, medical history, vital signs), in one place for the
 * three: readers are those the access policy lets see the patient; writers are the patient themself, a clinician who
 * cares for them and staff who reach them. Pharmacists, guests and other patients are neither. Narrower than a
 * reader, a consultant is a clinician with an appointment with the patient (any status but cancelled): who may open
 * the patient's profile in the consultation room. Every refusal is audited by the policy.
 */
@Component
class ChartAccess {

	private final AccessPolicy access;
	private final PatientRegistry patients;
	private final AppointmentViews appointments;

	ChartAccess(AccessPolicy access, PatientRegistry patients, AppointmentViews appointments) {
		this.access = access;
		this.patients = patients;
		this.appointments = appointments;
	}

	/** The patient must exist (404 otherwise), before anything is said about access to them. */
	Patient requireExists(long patientId) {
		Patient patient = patients.findAll(java.util.List.of(patientId)).get(patientId);
		if (patient == null) {
			throw Refusal.notFound("Patient");
		}
		return patient;
	}

	Reach reader(Actor actor, long patientId, String action, String resource, @Nullable Object resourceId) {
		Reach reach = access.reachOf(actor);
		if (!access.maySeePatient(reach, patientId)) {
			throw access.denied(actor, action, resource, resourceId, patientId);
		}
		return reach;
	}

	Reach writer(Actor actor, long patientId, String action, String resource, @Nullable Object resourceId) {
		Reach reach = access.reachOf(actor);
		boolean writes = reach.kind() == Reach.Kind.PATIENT || reach.kind() == Reach.Kind.CLINICIAN || reach.staff();
		if (!writes || !access.maySeePatient(reach, patientId)) {
			throw access.denied(actor, action, resource, resourceId, patientId);
		}
		return reach;
	}

	/**
	 * Only a clinician with an appointment with the patient (scheduling's answer): not the patient, not staff, not a
	 * clinician who cares for them only through an accepted request.
	 */
	Reach consultant(Actor actor, long patientId, String action, String resource) {
		if (!appointments.consults(patientId, actor)) {
			throw access.denied(actor, action, resource, patientId, patientId);
		}
		return access.reachOf(actor);
	}

	/** Whether the writer is one of the patient's carers (a clinician or staff), not the patient. */
	static boolean carer(Reach reach) {
		return reach.kind() == Reach.Kind.CLINICIAN || reach.staff();
	}

	/** A list within the caller's reach: refused (audited) to a caller who reaches no one. */
	Reach lister(Actor actor, String resource) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE) {
			throw access.denied(actor, "LIST", resource, null, null);
		}
		return reach;
	}

	Refusal denied(Actor actor, String action, String resource, @Nullable Object resourceId, @Nullable Long patientId) {
		return access.denied(actor, action, resource, resourceId, patientId);
	}
}
