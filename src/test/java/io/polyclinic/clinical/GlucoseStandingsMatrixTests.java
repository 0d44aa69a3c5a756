package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/** Who sees a doctor's panel of glucose standings, without a face: that doctor only. */
class GlucoseStandingsMatrixTests extends ApiTest {

	@Autowired
	GlucoseStandings standings;
	@Autowired
	Clinic clinic;

	@Test
	void onlyTheDoctorSeesTheirPanel() {
		Clinician doctor = clinic.clinician(null, "Africa/Tunis");
		Clinician other = clinic.clinician(null, "Africa/Tunis");
		Patient followed = clinic.patient();
		Patient notFollowed = clinic.patient();
		clinic.follow(followed, doctor);
		Actor asDoctor = clinic.actorOf(doctor.userId(), Role.CLINICIAN);

		var panel = standings.panel(doctor.accountId(), null, null, PageRequest.of(0, 10), asDoctor);
		assertThat(panel.page().getContent()).extracting(GlucoseStandings.PatientStanding::patientId)
			.containsExactly(followed.id());
		assertThat(panel.counts()).containsEntry(GlucoseStandings.Standing.STABLE, 1L);

		for (Actor refused : new Actor[] { clinic.actorOf(other.userId(), Role.CLINICIAN),
				clinic.actorOf(followed.userId(), Role.PATIENT), clinic.actorOf(notFollowed.userId(), Role.PATIENT),
				clinic.admin(), clinic.actorOf(999_999L, Role.FRONT_DESK) }) {
			assertThatThrownBy(() -> standings.panel(doctor.accountId(), null, null, PageRequest.of(0, 10), refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}
	}
}
