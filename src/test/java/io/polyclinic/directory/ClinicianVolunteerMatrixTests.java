package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;

/**
 * Without a face: a clinician reads their own profile and says whether they volunteer; nobody else does either (403,
 * audited) — patients, staff, anonymous callers, accounts without a clinician's profile. Those who keep clinicians
 * set the flag through the profile's practice. It starts false.
 */
class ClinicianVolunteerMatrixTests extends ApiTest {

	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Clinic clinic;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aClinicianReadsTheirOwnProfileAndSaysWhetherTheyVolunteer() {
		Clinician doctor = clinic.clinician(null, "Asia/Kolkata");
		Clinician other = clinic.clinician(null, "Asia/Kolkata");
		Actor self = clinic.actorOf(doctor.userId(), Role.CLINICIAN);

		assertThat(clinicians.own(self).id()).isEqualTo(doctor.id());
		assertThat(clinicians.own(self).practice().volunteers()).isFalse();
		assertThat(clinicians.volunteer(true, self).practice().volunteer()).isTrue();
		assertThat(clinicians.own(self).practice().volunteers()).isTrue();
		assertThat(clinicians.get(other.id()).practice().volunteers()).isFalse();
		// a change of the profile that does not speak of volunteering leaves it as it is
		clinicians.change(doctor.id(), new ClinicianDetails(null, null, null, null, null, null, null, null, null, null,
				null, null, null), ClinicianPractice.none(), self);
		assertThat(clinicians.own(self).practice().volunteers()).isTrue();
		// the keepers of clinicians say it for them
		clinicians.change(doctor.id(), new ClinicianDetails(null, null, null, null, null, null, null, null, null, null,
				null, null, null), ClinicianPractice.volunteering(false), clinic.admin());
		assertThat(clinicians.own(self).practice().volunteers()).isFalse();
	}

	@Test
	void nobodyButAClinicianHasAnOwnProfile() {
		Patient patient = clinic.patient();
		List<Actor> refused = List.of(clinic.actorOf(patient.userId(), Role.PATIENT), clinic.admin(),
				hire(Role.FRONT_DESK), clinic.actorOf(patient.userId(), Role.CLINICIAN));
		for (Actor actor : refused) {
			long before = denials(actor);
			assertThatThrownBy(() -> clinicians.own(actor)).isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
			assertThatThrownBy(() -> clinicians.volunteer(true, actor)).isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
			assertThat(denials(actor)).isEqualTo(before + 2);
		}
	}

	private long denials(Actor actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND outcome = 'DENIED'")
			.param(actor.userId()).query(Long.class).single();
	}

	private Actor hire(Role role) {
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember("Staff " + phone, phone, null, null, "SecurePassword123", role, null),
				Actor.system());
		return clinic.actorOf(member.id(), role);
	}
}
