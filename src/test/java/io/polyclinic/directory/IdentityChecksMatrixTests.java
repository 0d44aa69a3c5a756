package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;
import io.polyclinic.support.TestImages;

/**
 * Identity checks without a face: a person submits their own document; only an administrator decides, and only a
 * pending check; the person and administrators read a check. The decision is the account's {@code identityVerified}.
 */
class IdentityChecksMatrixTests extends ApiTest {

	@Autowired
	IdentityChecks checks;
	@Autowired
	StaffRegistry staff;
	@Autowired
	CareTeam careTeam;
	@Autowired
	Accounts accounts;
	@Autowired
	Clinic clinic;

	@Test
	void onlyAnAdministratorDecidesAndOnlyThePersonOrAnAdministratorReads() {
		Patient patientA = clinic.patient();
		Patient patientB = clinic.patient();
		Clinician carer = clinic.clinician(null, "Asia/Kolkata");
		Clinician stranger = clinic.clinician(null, "Asia/Kolkata");
		careTeam.link(patientA.id(), carer.id());
		Actor self = clinic.actorOf(patientA.userId(), Role.PATIENT);
		Actor admin = clinic.admin();
		Map<String, Actor> refused = new LinkedHashMap<>();
		refused.put("patient B", clinic.actorOf(patientB.userId(), Role.PATIENT));
		refused.put("clinician of A", clinic.actorOf(carer.userId(), Role.CLINICIAN));
		refused.put("other clinician", clinic.actorOf(stranger.userId(), Role.CLINICIAN));
		for (Role role : new Role[] { Role.MANAGER, Role.CENTRE_MANAGER, Role.FRONT_DESK, Role.CARE_COORDINATOR,
				Role.SECRETARY }) {
			refused.put(role.name(), hire(role));
		}

		IdentityCheck submitted = checks.submit(self, new ByteArrayInputStream(TestImages.pdf()), "passport.pdf");
		assertThat(submitted.status()).isEqualTo(IdentityStatus.PENDING);
		assertThat(submitted.userId()).isEqualTo(patientA.userId());
		assertThat(accounts.get(patientA.userId()).identityVerified()).isFalse();

		assertThat(checks.of(patientA.userId(), self)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(submitted.id()));
		assertThat(checks.of(patientA.userId(), admin)).isPresent();
		refused.forEach((who, actor) -> {
			assertKind(Refusal.Kind.FORBIDDEN, () -> checks.of(patientA.userId(), actor), who);
			assertKind(Refusal.Kind.FORBIDDEN, () -> checks.decide(actor, patientA.userId(), true), who);
		});
		// nobody decides their own
		assertKind(Refusal.Kind.FORBIDDEN, () -> checks.decide(self, patientA.userId(), true), "self");
		assertThat(accounts.get(patientA.userId()).identityVerified()).isFalse();

		IdentityCheck verified = checks.decide(admin, patientA.userId(), true);
		assertThat(verified.status()).isEqualTo(IdentityStatus.VERIFIED);
		assertThat(verified.decidedBy()).isEqualTo(admin.userId());
		assertThat(verified.decidedAt()).isNotNull();
		assertThat(accounts.get(patientA.userId()).identityVerified()).isTrue();

		// decided already: nothing pending; and a verified identity is not checked again
		assertKind(Refusal.Kind.NOT_FOUND, () -> checks.decide(admin, patientA.userId(), false), "decided");
		assertThatThrownBy(() -> checks.submit(self, new ByteArrayInputStream(TestImages.png()), "again.png"))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("ALREADY_VERIFIED"));
		// never submitted: nothing pending
		assertKind(Refusal.Kind.NOT_FOUND, () -> checks.decide(admin, patientB.userId(), true), "never submitted");
		assertThat(checks.of(patientB.userId(), admin)).isEmpty();
	}

	@Test
	void aRejectedPersonMaySubmitAgainAndTheNewestDocumentIsDecided() {
		Patient patient = clinic.patient();
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);
		Actor admin = clinic.admin();
		IdentityCheck first = checks.submit(self, new ByteArrayInputStream(TestImages.png()), "blurry.png");
		assertThat(checks.decide(admin, patient.userId(), false).status()).isEqualTo(IdentityStatus.REJECTED);
		assertThat(accounts.get(patient.userId()).identityVerified()).isFalse();

		IdentityCheck second = checks.submit(self, new ByteArrayInputStream(TestImages.jpeg()), "sharp.jpg");
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.status()).isEqualTo(IdentityStatus.PENDING);
		assertThat(second.documentId()).isNotEqualTo(first.documentId());
		assertThat(second.decidedAt()).isNull();
		assertThat(checks.decide(admin, patient.userId(), true).documentId()).isEqualTo(second.documentId());
		assertThat(accounts.get(patient.userId()).identityVerified()).isTrue();
	}

	@Test
	void aDocumentIsJudgedByItsContentAndAGuestOrTheSystemSubmitsNone() {
		Patient patient = clinic.patient();
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);
		assertThatThrownBy(() -> checks.submit(self, new ByteArrayInputStream(TestImages.text()), "passport.pdf"))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
				assertThat(r.fields()).containsKey("file");
			});
		assertThat(checks.of(patient.userId(), self)).isEmpty();
		assertKind(Refusal.Kind.FORBIDDEN, () -> checks.submit(clinic.actorOf(patient.userId(), Role.GUEST),
				new ByteArrayInputStream(TestImages.png()), "x.png"), "guest");
		assertKind(Refusal.Kind.FORBIDDEN, () -> checks.submit(Actor.system(),
				new ByteArrayInputStream(TestImages.png()), "x.png"), "system");
	}

	private Actor hire(Role role) {
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember("Staff " + phone, phone, null, null, "SecurePassword123", role, null),
				Actor.system());
		return clinic.actorOf(member.id(), role);
	}

	private static void assertKind(Refusal.Kind kind, org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
			String who) {
		assertThatThrownBy(call).as(who)
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(kind));
	}
}
