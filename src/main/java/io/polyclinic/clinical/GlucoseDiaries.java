package io.polyclinic.clinical;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * Whose glucose diary a caller opens. A patient keeps their own: their patient record comes from the caller, never
 * from a parameter. A clinician reads a patient's diary only while following the patient; DiabCare narrows "cares
 * for" to the patients who asked the doctor and were accepted. Everyone else is refused, and the refusal audited.
 */
@Component
class GlucoseDiaries {

	static final String RESOURCE = "GLUCOSE_READING";
	/** The key under which a patient caller's account id is remembered for their request. */
	private static final String ACCOUNT = "clinical.glucose.account";

	/** What a diary is opened for: its patient, and the public id of the patient's account. */
	record Diary(long patientId, UUID patientAccountId) {
	}

	private final AccessPolicy access;
	private final CareTeam careTeam;
	private final PatientRegistry patients;
	private final Accounts accounts;

	GlucoseDiaries(AccessPolicy access, CareTeam careTeam, PatientRegistry patients, Accounts accounts) {
		this.access = access;
		this.careTeam = careTeam;
		this.patients = patients;
		this.accounts = accounts;
	}

	/** The caller's own diary: patients only. */
	Diary own(Actor actor, String action, @Nullable Object readingId) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.PATIENT || reach.patientId() == null) {
			throw access.denied(actor, action, RESOURCE, readingId, null);
		}
		long patientId = reach.patientId();
		UUID account = actor.remember(ACCOUNT, () -> accounts.get(actor.userId()).publicId());
		return new Diary(patientId, account);
	}

	/**
	 * A patient's diary, by the public id of the patient's account, for a clinician who follows the patient (and for
	 * the clinic's own processes). An unknown account is refused as a patient not followed is, so that the answer
	 * tells no one who is a patient.
	 */
	Diary followed(UUID patientAccountId, Actor actor, String action) {
		Optional<Patient> patient = accounts.findByPublicId(patientAccountId).map(Account::id)
			.flatMap(patients::forUser);
		if (patient.isEmpty()) {
			if (actor.isSystem()) {
				throw Refusal.notFound("Patient");
			}
			throw access.denied(actor, action, RESOURCE, null, null);
		}
		return followed(patient.get().id(), patientAccountId, actor, action);
	}

	/** As {@link #followed(UUID, Actor, String)}, by the patient's record. */
	Diary followed(long patientId, Actor actor, String action) {
		Optional<Patient> patient = patients.findAll(List.of(patientId)).values().stream().findFirst();
		if (patient.isEmpty()) {
			if (actor.isSystem()) {
				throw Refusal.notFound("Patient");
			}
			throw access.denied(actor, action, RESOURCE, null, null);
		}
		return followed(patientId, patient.get().accountId(), actor, action);
	}

	private Diary followed(long patientId, UUID patientAccountId, Actor actor, String action) {
		if (!actor.isSystem() && !followsPatient(access.reachOf(actor), patientId)) {
			throw access.denied(actor, action, RESOURCE, null, patientId);
		}
		return new Diary(patientId, patientAccountId);
	}

	/**
	 * Whether the caller is a clinician who follows the patient: one whose request the clinician accepted. An
	 * appointment alone does not open a patient's glucose diary.
	 */
	private boolean followsPatient(Reach reach, long patientId) {
		return reach.kind() == Reach.Kind.CLINICIAN && careTeam.follows(reach.clinicianId(), patientId);
	}
}
