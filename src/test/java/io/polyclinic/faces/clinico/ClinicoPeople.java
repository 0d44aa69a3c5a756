package io.polyclinic.faces.clinico;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.SignIn;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;

/**
 * Patients, doctors and the administrator with access tokens from the clinic's own sign-in (clinico has none of its
 * own: any face's token is valid there).
 */
final class ClinicoPeople {

	static final String PASSWORD = "Str0ng-pass";
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Clinic clinic;
	private final PatientRegistry patients;
	private final SignIn signIn;

	ClinicoPeople(Clinic clinic, PatientRegistry patients, SignIn signIn) {
		this.clinic = clinic;
		this.patients = patients;
		this.signIn = signIn;
	}

	/**
	 * Someone signed in: their user id and access token; a patient's directory record (whose id is clinico's
	 * {@code patient_id}) or a doctor's clinician record.
	 */
	record Person(long userId, UUID accountId, String token, String name, @Nullable Patient patient,
			@Nullable Clinician clinician) {

		Patient requirePatient() {
			if (patient == null) {
				throw new IllegalStateException(name + " is not a patient");
			}
			return patient;
		}

		Clinician requireClinician() {
			if (clinician == null) {
				throw new IllegalStateException(name + " is not a doctor");
			}
			return clinician;
		}

		Actor actor() {
			return new Actor(userId, accountId,
					patient != null ? Role.PATIENT : clinician != null ? Role.CLINICIAN : Role.ADMIN, UUID.randomUUID());
		}
	}

	/** A patient who signed themself up with an email address and a phone number. */
	Person patient() {
		int n = SEQUENCE.incrementAndGet();
		String email = "clinico-patient-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@clinico.test";
		var details = new PatientDetails("Patient " + n + " Raj", Phones.newPhone(), email, null, null, null, null,
				null, null);
		var signedUp = patients.signUp(details, PASSWORD, LeadSource.WEBSITE);
		Patient patient = signedUp.patient();
		return new Person(patient.userId(), patient.accountId(), signedUp.tokens().accessToken(), patient.fullName(),
				patient, null);
	}

	/**
	 * A verified doctor, created as the clinic's staff create clinicians (09:00-17:00 Monday to Friday in Kolkata,
	 * 60-minute consultations, fee ₹1500), signed in with their phone number.
	 */
	Person doctor() {
		return doctor("Asia/Kolkata");
	}

	Person doctor(String zone) {
		Clinician clinician = clinic.clinician(null, zone);
		var signedIn = signIn.withPassword(SignIn.LoginName.PHONE, clinician.phone(), "SecurePassword123");
		return new Person(clinician.userId(), clinician.accountId(), signedIn.tokens().accessToken(),
				clinician.fullName(), null, clinician);
	}

	/** The demo administrator. */
	Person admin() {
		var signedIn = signIn.withPassword(SignIn.LoginName.USERNAME, "admin", "Admin123!");
		return new Person(signedIn.account().id(), signedIn.account().publicId(), signedIn.tokens().accessToken(),
				"admin", null, null);
	}
}
