package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Phones;

/**
 * The directory's own rules about who manages whom, called on the module's API as any face would.
 */
class DirectoryRulesTests extends ApiTest {

	@Autowired
	StaffRegistry staff;

	@Autowired
	CentreRegistry centres;

	@Autowired
	JdbcClient jdbc;

	/** Who sets the scene: a super-administrator, who may hire every role (no account needed behind an actor). */
	static final Actor FOUNDER = actor(0, Role.SUPERADMIN);

	StaffMember hire(Role role, Long centreId) {
		String phone = Phones.newPhone();
		return staff.hire(new NewStaffMember("Staff " + phone, phone, null, null, "SecurePassword123", role, centreId),
				FOUNDER);
	}

	static Actor actor(long userId, Role role) {
		return new Actor(userId, UUID.randomUUID(), role, UUID.randomUUID());
	}

	static Actor as(StaffMember member) {
		return actor(member.id(), member.role());
	}

	long denials(String resourceType, long resourceId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE resource_type = ? AND resource_id = ? AND outcome = 'DENIED'")
			.params(resourceType, String.valueOf(resourceId))
			.query(Long.class)
			.single();
	}

	static void assertForbidden(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class,
				e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
	}

	@Test
	void aManagerSwitchesStaffButNotAnAdministratorOnAndOff() {
		var manager = hire(Role.MANAGER, null);
		var frontDesk = hire(Role.FRONT_DESK, null);
		var admin = hire(Role.ADMIN, null);

		assertThat(staff.toggleActive(frontDesk.id(), as(manager)).active()).isFalse();
		assertForbidden(() -> staff.toggleActive(admin.id(), as(manager)));
		assertThat(staff.get(admin.id(), Actor.system()).active()).isTrue();
		assertThat(denials("STAFF", admin.id())).isEqualTo(1);
	}

	@Test
	void onlyASuperAdministratorManagesASuperAdministrator() {
		var admin = hire(Role.ADMIN, null);
		var superAdmin = hire(Role.SUPERADMIN, null);

		assertForbidden(() -> staff.toggleActive(superAdmin.id(), as(admin)));
		assertForbidden(() -> staff.change(superAdmin.id(), "Renamed", null, null, null, null, as(admin)));
		assertForbidden(() -> staff.dismiss(superAdmin.id(), as(admin)));
		assertThat(staff.get(superAdmin.id(), Actor.system()).fullName()).isNotEqualTo("Renamed");

		var otherAdmin = hire(Role.ADMIN, null);
		assertThat(staff.toggleActive(otherAdmin.id(), as(superAdmin)).active()).isFalse();
		assertThat(staff.toggleActive(otherAdmin.id(), as(admin)).active()).isTrue();
	}

	@Test
	void nobodyDeactivatesOrDeletesTheirOwnAccount() {
		var admin = hire(Role.ADMIN, null);

		assertThatThrownBy(() -> staff.change(admin.id(), null, null, null, false, null, as(admin)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("OWN_ACCOUNT"));
		assertThatThrownBy(() -> staff.toggleActive(admin.id(), as(admin)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("OWN_ACCOUNT"));
		assertThatThrownBy(() -> staff.dismiss(admin.id(), as(admin)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("OWN_ACCOUNT"));
		assertThat(staff.change(admin.id(), "Still Me", null, null, true, null, as(admin)).active()).isTrue();
	}

	@Test
	void aCentreManagerChangesTheirOwnCentreOnly() {
		var own = centres.open(new CentreDetails("Own", "Bangalore", null, null, null, null), FOUNDER);
		var other = centres.open(new CentreDetails("Other", "Bangalore", null, null, null, null), FOUNDER);
		var manager = hire(Role.CENTRE_MANAGER, own.id());
		var unassigned = hire(Role.CENTRE_MANAGER, null);
		var change = new CentreDetails(null, null, "2 New Road", null, null, null);

		assertThat(centres.change(own.id(), change, as(manager)).address()).isEqualTo("2 New Road");
		assertForbidden(() -> centres.change(other.id(), change, as(manager)));
		assertForbidden(() -> centres.change(own.id(), change, as(unassigned)));
		assertThat(centres.get(other.id()).address()).isNull();
		assertThat(denials("CENTRE", other.id())).isEqualTo(1);
		assertThat(centres.change(other.id(), change, as(hire(Role.MANAGER, null))).address()).isEqualTo("2 New Road");
	}

	@Autowired
	ClinicianRegistry clinicians;

	@Test
	void aClinicianKeepsTheirPracticeAndTheirKeepersSetTheirSignIn() {
		var centre = centres.open(new CentreDetails("Practice", "Bangalore", null, null, null, null, "560001"),
				FOUNDER);
		assertThat(centre.pincode()).isEqualTo("560001");
		String phone = Phones.newPhone();
		var details = new ClinicianDetails("Dr. " + phone, phone, null, centre.id(), null, null, null, null, null, null,
				null, null, null);
		var clinician = clinicians.register(details, new ClinicianPractice("Psychiatrist", "MCI-1",
				List.of("ONLINE", "IN_PERSON", "ONLINE"), List.of(" Sleep ", "")), null, "SecurePassword123", FOUNDER);
		// a clinician's own practice always says whether they volunteer: not until they say so
		assertThat(clinician.practice()).isEqualTo(new ClinicianPractice("Psychiatrist", "MCI-1",
				List.of("ONLINE", "IN_PERSON"), List.of("Sleep"), false));
		// null leaves a field, blank clears a text
		var changed = clinicians.change(clinician.id(), new ClinicianDetails(null, null, null, null, null, null, null,
				null, null, null, null, null, null), new ClinicianPractice(" ", null, null, List.of()), FOUNDER);
		assertThat(changed.practice()).isEqualTo(new ClinicianPractice(null, "MCI-1", List.of("ONLINE", "IN_PERSON"),
				List.of(), false));
		assertThatThrownBy(() -> clinicians.change(clinician.id(), details,
				new ClinicianPractice(null, null, List.of("HOME_VISIT"), null), FOUNDER))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("consultationModes"));

		// the centre manager of another centre may not set the clinician's sign-in; the one of theirs may
		var other = centres.open(new CentreDetails("Elsewhere", "Pune", null, null, null, null), FOUNDER);
		assertForbidden(() -> clinicians.changeCredentials(clinician.id(), null, "NewPassword456",
				as(hire(Role.CENTRE_MANAGER, other.id()))));
		assertForbidden(() -> clinicians.changeCredentials(clinician.id(), null, "NewPassword456",
				as(hire(Role.FRONT_DESK, centre.id()))));
		var renamed = clinicians.changeCredentials(clinician.id(), "dr" + phone.substring(1), null,
				as(hire(Role.CENTRE_MANAGER, centre.id())));
		assertThat(renamed.id()).isEqualTo(clinician.id());
		assertThatThrownBy(() -> clinicians.changeCredentials(clinician.id(), " ", null, FOUNDER))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("username"));
	}
}
