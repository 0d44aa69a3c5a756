package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.identity.Account;
import io.polyclinic.identity.AccountOrder;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;

/**
 * Without a face: everyone changes their own account only (a patient their record's details too), never their role;
 * the list of people in an order is the clinic's staff's; a list's patient details are those the caller may see.
 */
class OwnProfileMatrixTests extends ApiTest {

	@Autowired
	People people;
	@Autowired
	PatientRegistry patients;
	@Autowired
	StaffRegistry staff;
	@Autowired
	CareTeam careTeam;
	@Autowired
	Accounts accounts;
	@Autowired
	Clinic clinic;

	@Test
	void everyoneChangesTheirOwnAccountAndAPatientTheirOwnDetails() {
		Patient patient = clinic.patient();
		Patient other = clinic.patient();
		Clinician clinician = clinic.clinician(null, "Asia/Kolkata");
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);

		var changed = people.changeOwn("asha." + System.nanoTime(), new PatientDetails("Asha Rao", null, null,
				LocalDate.of(1990, 5, 15), "FEMALE", null, "Ravi Rao", null, null), self);
		assertThat(changed.account().id()).isEqualTo(patient.userId());
		assertThat(changed.account().fullName()).isEqualTo("Asha Rao");
		assertThat(changed.account().role()).isEqualTo(Role.PATIENT);
		assertThat(changed.patient()).isNotNull();
		assertThat(changed.patient().dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 15));
		assertThat(changed.patient().emergencyContactName()).isEqualTo("Ravi Rao");
		// the other patient is untouched
		assertThat(accounts.get(other.userId()).fullName()).isEqualTo(other.fullName());

		// a clinician and an administrator change their own account; they have no patient record to change
		Actor asClinician = clinic.actorOf(clinician.userId(), Role.CLINICIAN);
		var doctor = people.changeOwn(null, new PatientDetails("Dr. Renamed", null, null, LocalDate.of(1970, 1, 1),
				null, null, null, null, null), asClinician);
		assertThat(doctor.account().fullName()).isEqualTo("Dr. Renamed");
		assertThat(doctor.account().role()).isEqualTo(Role.CLINICIAN);
		assertThat(doctor.patient()).isNull();
		Actor manager = hire(Role.MANAGER);
		assertThat(people.changeOwn(null, new PatientDetails("Manager Renamed", null, null, null, null, null, null,
				null, null), manager).account().id()).isEqualTo(manager.userId());

		// another person's address is refused, and nothing changes
		String email = "other-" + System.nanoTime() + "@example.test";
		people.changeOwn(null, new PatientDetails(null, null, email, null, null, null, null, null, null),
				clinic.actorOf(other.userId(), Role.PATIENT));
		assertThatThrownBy(() -> people.changeOwn(null, new PatientDetails("Taken", null, email, null, null, null,
				null, null, null), self)).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields())
					.containsKey("email"));
		assertThat(accounts.get(patient.userId()).fullName()).isEqualTo("Asha Rao");
		String phone = other.phone();
		assertThatThrownBy(() -> people.changeOwn(null, new PatientDetails(null, phone, null, null, null, null, null,
				null, null), self)).isInstanceOfSatisfying(Refusal.class, r -> {
					assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
					assertThat(r.fields()).containsKey("phone");
				});
		assertThat(accounts.get(patient.userId()).phone()).isEqualTo(patient.phone());
		assertThatThrownBy(() -> people.changeOwn(null, PatientDetails.named("System", Phones.newPhone()),
				Actor.system())).isInstanceOfSatisfying(Refusal.class,
						r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	@Test
	void theOrderedListIsTheStaffsAndAListsPatientDetailsAreThoseTheCallerMaySee() {
		Patient patientA = clinic.patient();
		Patient patientB = clinic.patient();
		Clinician carer = clinic.clinician(null, "Asia/Kolkata");
		Clinician stranger = clinic.clinician(null, "Asia/Kolkata");
		careTeam.link(patientA.id(), carer.id());
		Actor admin = clinic.admin();

		for (Actor reader : List.of(admin, hire(Role.MANAGER), hire(Role.FRONT_DESK))) {
			var page = people.find(EnumSet.of(Role.PATIENT), null, null, AccountOrder.ID, true, PageRequest.of(0, 5),
					reader);
			List<Long> ids = page.getContent().stream().map(Account::id).toList();
			assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder()).contains(patientB.userId());
		}
		for (Actor refused : List.of(clinic.actorOf(patientA.userId(), Role.PATIENT),
				clinic.actorOf(carer.userId(), Role.CLINICIAN))) {
			assertThatThrownBy(() -> people.find(Set.of(), null, null, AccountOrder.JOINED, true, PageRequest.of(0, 5),
					refused)).isInstanceOfSatisfying(Refusal.class,
							r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}

		List<Long> both = List.of(patientA.userId(), patientB.userId(), carer.userId());
		assertThat(patients.forUsers(both, admin)).containsOnlyKeys(patientA.userId(), patientB.userId());
		assertThat(patients.forUsers(both, clinic.actorOf(carer.userId(), Role.CLINICIAN)))
			.containsOnlyKeys(patientA.userId());
		assertThat(patients.forUsers(both, clinic.actorOf(stranger.userId(), Role.CLINICIAN))).isEmpty();
		assertThat(patients.forUsers(both, clinic.actorOf(patientB.userId(), Role.PATIENT)))
			.containsOnlyKeys(patientB.userId());
		assertThat(patients.forUsers(List.of(), admin)).isEmpty();
	}

	private Actor hire(Role role) {
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember("Staff " + phone, phone, null, null, "SecurePassword123", role, null),
				Actor.system());
		return clinic.actorOf(member.id(), role);
	}
}
