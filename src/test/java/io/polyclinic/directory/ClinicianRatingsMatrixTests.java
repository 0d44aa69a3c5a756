package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may rate a clinician, without a face: only a patient the clinician cares for; a second rating replaces the
 * first; the clinician's rating is the average of their patients' ratings.
 */
class ClinicianRatingsMatrixTests extends ApiTest {

	@Autowired
	ClinicianRatings ratings;
	@Autowired
	CareTeam careTeam;
	@Autowired
	Clinic clinic;

	@Test
	void onlyAPatientInTheClinicianCareRatesAndTheAverageIsKept() {
		Clinician clinician = clinic.clinician(null, "Africa/Tunis");
		Clinician other = clinic.clinician(null, "Africa/Tunis");
		Patient a = clinic.patient();
		Patient b = clinic.patient();
		Patient stranger = clinic.patient();
		careTeam.link(a.id(), clinician.id());
		careTeam.link(b.id(), clinician.id());
		Actor patientA = clinic.actorOf(a.userId(), Role.PATIENT);
		Actor patientB = clinic.actorOf(b.userId(), Role.PATIENT);

		assertThat(ratings.rate(clinician.accountId(), BigDecimal.valueOf(5), patientA))
			.isEqualTo(new ClinicianRatings.Rating(5.0, 1));
		assertThat(ratings.rate(clinician.accountId(), BigDecimal.valueOf(2), patientB))
			.isEqualTo(new ClinicianRatings.Rating(3.5, 2));
		// rating again replaces the patient's own rating
		assertThat(ratings.rate(clinician.accountId(), BigDecimal.valueOf(4), patientA))
			.isEqualTo(new ClinicianRatings.Rating(3.0, 2));

		for (Actor refused : new Actor[] { clinic.actorOf(stranger.userId(), Role.PATIENT),
				clinic.actorOf(other.userId(), Role.CLINICIAN), clinic.actorOf(clinician.userId(), Role.CLINICIAN),
				clinic.admin(), clinic.actorOf(999_999L, Role.FRONT_DESK), Actor.system() }) {
			assertThatThrownBy(() -> ratings.rate(clinician.accountId(), BigDecimal.ONE, refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}
		assertThatThrownBy(() -> ratings.rate(other.accountId(), BigDecimal.valueOf(4), patientA))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> ratings.rate(clinician.accountId(), BigDecimal.valueOf(6), patientA))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("score"));
		assertThat(ratings.rate(clinician.accountId(), BigDecimal.valueOf(4), patientA).average()).isEqualTo(3.0);
	}
}
