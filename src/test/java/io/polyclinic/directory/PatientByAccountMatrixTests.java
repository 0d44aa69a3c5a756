package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * A patient named by their account, without a face: read by the patient, a clinician who cares for them and the
 * clinic's staff; changed through {@code changeOwn} by that patient only, whatever the caller's role.
 */
class PatientByAccountMatrixTests extends ApiTest {

	@Autowired
	PatientRegistry patients;
	@Autowired
	CareTeam careTeam;
	@Autowired
	Clinic clinic;

	@Test
	void readByTheirCarersChangedByThemselvesOnly() {
		Clinician carer = clinic.clinician(null, "Africa/Tunis");
		Clinician stranger = clinic.clinician(null, "Africa/Tunis");
		Patient patient = clinic.patient();
		Patient other = clinic.patient();
		careTeam.link(patient.id(), carer.id());
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);
		Actor asCarer = clinic.actorOf(carer.userId(), Role.CLINICIAN);
		Actor asOther = clinic.actorOf(other.userId(), Role.PATIENT);
		Actor asStranger = clinic.actorOf(stranger.userId(), Role.CLINICIAN);
		Actor admin = clinic.admin();

		for (Actor reader : new Actor[] { self, asCarer, admin }) {
			assertThat(patients.getByAccount(patient.accountId(), reader).id()).as(reader.toString())
				.isEqualTo(patient.id());
		}
		for (Actor refused : new Actor[] { asOther, asStranger }) {
			assertForbidden(() -> patients.getByAccount(patient.accountId(), refused));
		}

		PatientDetails rename = new PatientDetails("Renamed Patient", null, null, null, null, null, null, null, null);
		for (Actor refused : new Actor[] { asOther, asCarer, asStranger, admin, Actor.system() }) {
			assertForbidden(() -> patients.changeOwn(patient.accountId(), rename, refused));
		}
		assertThat(patients.changeOwn(patient.accountId(), rename, self).fullName()).isEqualTo("Renamed Patient");
		assertThatThrownBy(() -> patients.changeOwn(carer.accountId(), rename, self))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}
}
