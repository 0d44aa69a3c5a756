package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.notify.Cast;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may ask, read and decide patient requests, asked of the directory itself (no face): a patient's requests are
 * that patient's alone, a clinician's (the one asked) that clinician's alone — the clinic's staff, the other patient
 * and the other clinician are refused, and each refusal is FORBIDDEN and in the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientRequestsMatrixTests extends ApiTest {

	static final String PATIENT_A = "patient A", DOCTOR = "clinician of A", OTHER_DOCTOR = "other clinician";

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRequests requests;
	@Autowired
	Accounts accounts;
	@Autowired
	JdbcClient jdbc;

	Cast cast;
	UUID patientA;
	UUID doctor;

	@BeforeAll
	void cast() {
		cast = new Cast(clinic, staff, book);
		patientA = accounts.get(cast.patientA.userId()).publicId();
		doctor = cast.clinicianA.accountId();
		requests.request(patientA, doctor, "Please", cast.caller(PATIENT_A));
	}

	@Test
	void onlyThePatientAsksForThemself() {
		expect(Set.of(PATIENT_A), actor -> requests.request(patientA, clinic.clinician(cast.centreA.id(),
				"Asia/Kolkata").accountId(), null, actor));
	}

	@Test
	void onlyThePatientReadsTheirRequestsAndDoctors() {
		expect(Set.of(PATIENT_A), actor -> requests.mine(patientA, PageRequest.of(0, 10), actor));
		expect(Set.of(PATIENT_A), actor -> requests.doctorsOf(patientA, actor));
		expect(Set.of(PATIENT_A), actor -> requests.isFollowedBy(patientA, doctor, actor));
	}

	@Test
	void onlyTheDoctorAskedReadsTheirRequestsAndPatients() {
		expect(Set.of(DOCTOR), actor -> assertThat(requests.pending(doctor, PageRequest.of(0, 10), actor)
			.getContent()).isNotEmpty());
		expect(Set.of(DOCTOR), actor -> requests.patientsOf(doctor, null, PageRequest.of(0, 10), actor));
		expect(Set.of(DOCTOR), actor -> requests.isFollowing(doctor, patientA, actor));
	}

	@Test
	void onlyTheDoctorAskedDecides() {
		expect(Set.of(DOCTOR), actor -> requests.accept(doctor, freshRequest(), actor));
		expect(Set.of(DOCTOR), actor -> requests.decline(doctor, freshRequest(), "Full", actor));
		// the other clinician, on their own path, is refused a request that is not addressed to them
		UUID other = cast.otherClinician.accountId();
		expect(Set.of(), actor -> requests.accept(other, freshRequest(), actor));
	}

	@Test
	void onlyTheDoctorOffersForThemselfAndOnlyThePatientAskedDecides() {
		expect(Set.of(DOCTOR), actor -> requests.offer(doctor, freshPatient(), actor));
		expect(Set.of(PATIENT_A), actor -> requests.offers(patientA, PageRequest.of(0, 10), actor));
		expect(Set.of(PATIENT_A), actor -> requests.acceptOffer(patientA, freshOffer(), actor));
		expect(Set.of(PATIENT_A), actor -> requests.declineOffer(patientA, freshOffer(), null, actor));
	}

	UUID freshPatient() {
		return accounts.get(clinic.patient().userId()).publicId();
	}

	/** A pending offer to patient A of a new doctor. */
	UUID freshOffer() {
		var other = clinic.clinician(cast.centreA.id(), "Asia/Kolkata");
		return requests.offer(other.accountId(), patientA, clinic.actorOf(other.userId(),
				io.polyclinic.platform.Role.CLINICIAN)).id();
	}

	/** A pending request to the doctor of a new patient: each caller decides one of their own. */
	UUID freshRequest() {
		var patient = clinic.patient();
		UUID account = accounts.get(patient.userId()).publicId();
		return requests.request(account, doctor, null, clinic.actorOf(patient.userId(),
				io.polyclinic.platform.Role.PATIENT)).id();
	}

	/**
	 * Calls the operation as every caller: those allowed must succeed, every other must be refused with FORBIDDEN
	 * and leave a DENIED line of PATIENT_REQUEST in the audit trail.
	 */
	void expect(Set<String> allowed, Consumer<Actor> operation) {
		Map<String, String> outcomes = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		for (var caller : cast.callers.entrySet()) {
			long deniedBefore = denials(caller.getValue());
			String outcome;
			try {
				operation.accept(caller.getValue());
				outcome = "allowed";
			}
			catch (Refusal refusal) {
				outcome = refusal.kind() == Refusal.Kind.FORBIDDEN && denials(caller.getValue()) > deniedBefore
						? "refused" : refusal.toString();
			}
			outcomes.put(caller.getKey(), outcome);
			expected.put(caller.getKey(), allowed.contains(caller.getKey()) ? "allowed" : "refused");
		}
		assertThat(outcomes).isEqualTo(expected);
	}

	long denials(Actor actor) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries
				WHERE actor_user_id = ? AND resource_type = 'PATIENT_REQUEST' AND outcome = 'DENIED'""")
			.param(actor.userId())
			.query(Long.class)
			.single();
	}
}
