package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;
import io.polyclinic.support.TestImages;

/**
 * The KYC check of a clinician who registers their own practice, asked of the directory without a face: only a
 * clinician's account without a profile registers (once), the check starts pending and hides them from the public
 * until an administrator — and only an administrator — verifies them; documents are handed in by the clinician
 * themself and seen by them and administrators only.
 */
class ClinicianVerificationMatrixTests extends ApiTest {

	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	ClinicianVerification verification;
	@Autowired
	Accounts accounts;
	@Autowired
	Clinic clinic;

	@Test
	void aSelfRegisteredClinicianIsPendingAndHiddenUntilAnAdministratorVerifiesThem() {
		Actor doctor = newDoctorAccount();
		String registration = "REG-" + UUID.randomUUID();
		Clinician registered = clinicians.registerPractice(details("Europe/Paris"), practice(registration),
				new ClinicianListing.Changes(null, "1 Rue de la Paix", null, "Clinique Paix"), doctor);

		assertThat(registered.verification()).isEqualTo(Verification.PENDING);
		assertThat(registered.bookable()).isFalse();
		assertThat(registered.listing().clinicName()).isEqualTo("Clinique Paix");
		assertThat(registered.timeZone().getId()).isEqualTo("Europe/Paris");
		assertThat(registered.practice().registrationNumber()).isEqualTo(registration);
		// twice is refused, and so is anyone but a clinician's account
		assertThatThrownBy(() -> clinicians.registerPractice(details(null), practice("OTHER-" + UUID.randomUUID()),
				ClinicianListing.Changes.none(), doctor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("ALREADY_REGISTERED"));
		Patient patient = clinic.patient();
		for (Actor refused : List.of(clinic.actorOf(patient.userId(), Role.PATIENT), clinic.admin(),
				clinic.actorOf(999_999L, Role.FRONT_DESK))) {
			assertThatThrownBy(() -> clinicians.registerPractice(details(null), practice("X-" + UUID.randomUUID()),
					ClinicianListing.Changes.none(), refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}
		// a registration number belongs to one clinician; a time zone must exist
		assertThatThrownBy(() -> clinicians.registerPractice(details(null), practice(registration.toLowerCase()),
				ClinicianListing.Changes.none(), newDoctorAccount()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("registrationNumber"));
		assertThatThrownBy(() -> clinicians.registerPractice(details("Mars/Olympus"), practice("Z-" + UUID.randomUUID()),
				ClinicianListing.Changes.none(), newDoctorAccount()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("timeZone"));

		// hidden from the public, shown to the clinician themself and to staff
		assertThat(publicSearch(registration)).isEmpty();
		Actor otherDoctor = clinic.actorOf(clinic.clinician(null, "Asia/Kolkata").userId(), Role.CLINICIAN);
		for (Actor outsider : new Actor[] { null, clinic.actorOf(patient.userId(), Role.PATIENT), otherDoctor }) {
			assertThatThrownBy(() -> clinicians.shownTo(registered.id(), outsider))
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		}
		assertThat(clinicians.shownTo(registered.id(), doctor).id()).isEqualTo(registered.id());
		assertThat(clinicians.shownTo(registered.id(), clinic.admin()).id()).isEqualTo(registered.id());

		// only an administrator decides
		for (Actor refused : List.of(doctor, otherDoctor, clinic.actorOf(patient.userId(), Role.PATIENT),
				clinic.actorOf(999_999L, Role.MANAGER), clinic.actorOf(999_999L, Role.FRONT_DESK))) {
			assertThatThrownBy(() -> verification.decide(registered.id(), Verification.VERIFIED, null, refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}
		assertThatThrownBy(() -> verification.decide(registered.id(), Verification.PENDING, null, clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("kycStatus"));
		assertThatThrownBy(() -> verification.decide(Long.MAX_VALUE, Verification.VERIFIED, null, clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));

		var decided = verification.decide(registered.id(), Verification.VERIFIED, "Licence checked", clinic.admin());
		assertThat(decided.status()).isEqualTo(Verification.VERIFIED);
		assertThat(decided.notes()).isEqualTo("Licence checked");
		assertThat(decided.decidedAt()).isNotNull();
		assertThat(publicSearch(registration)).extracting(Clinician::id).containsExactly(registered.id());
		assertThat(clinicians.shownTo(registered.id(), null).bookable()).isTrue();

		verification.decide(registered.id(), Verification.REJECTED, null, clinic.admin());
		assertThat(publicSearch(registration)).isEmpty();
	}

	@Test
	void documentsAreTheClinicianOwnToHandInAndTheirsAndAdministratorsToSee() {
		Actor doctor = newDoctorAccount();
		Clinician registered = clinicians.registerPractice(details(null), practice("DOC-" + UUID.randomUUID()),
				ClinicianListing.Changes.none(), doctor);
		verification.decide(registered.id(), Verification.VERIFIED, null, clinic.admin());

		var check = verification.submit(List.of(new ClinicianVerification.Upload(TestImages.pdf(), "licence.pdf"),
				new ClinicianVerification.Upload(TestImages.png(), "degree.png")), doctor);
		// new documents are looked at again
		assertThat(check.status()).isEqualTo(Verification.PENDING);
		assertThat(check.documents()).extracting(ClinicianVerification.Document::name)
			.containsExactly("licence.pdf", "degree.png");
		assertThat(check.documents()).extracting(ClinicianVerification.Document::contentType)
			.containsExactly("application/pdf", "image/png");
		assertThat(check.documents().get(0).url()).contains("/files/").contains("signature=");
		assertThat(verification.of(registered.id(), clinic.admin()).documents()).hasSize(2);
		assertThat(verification.own(doctor).documents()).hasSize(2);

		Patient patient = clinic.patient();
		Actor otherDoctor = clinic.actorOf(clinic.clinician(null, "Asia/Kolkata").userId(), Role.CLINICIAN);
		for (Actor refused : List.of(clinic.actorOf(patient.userId(), Role.PATIENT), clinic.admin())) {
			assertThatThrownBy(() -> verification.submit(
					List.of(new ClinicianVerification.Upload(TestImages.pdf(), "x.pdf")), refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}
		for (Actor refused : List.of(clinic.actorOf(patient.userId(), Role.PATIENT), otherDoctor,
				clinic.actorOf(999_999L, Role.FRONT_DESK))) {
			assertThatThrownBy(() -> verification.of(registered.id(), refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}
		assertThatThrownBy(() -> verification.submit(List.of(), doctor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("documents"));
		assertThatThrownBy(() -> verification.submit(
				List.of(new ClinicianVerification.Upload(TestImages.text(), "notes.txt")), doctor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
	}

	@Test
	void cliniciansTheClinicAppointsAreVerified() {
		Clinician appointed = clinic.clinician(null, "Asia/Kolkata");
		assertThat(appointed.verification()).isEqualTo(Verification.VERIFIED);
		assertThat(appointed.bookable()).isTrue();
	}

	private List<Clinician> publicSearch(String registration) {
		return clinicians.search(new ClinicianSearch(null, null, null, null, null, ClinicianSearch.Order.CREATED_AT,
				true), PageRequest.of(0, 100), null).getContent().stream()
			.filter(c -> registration.equals(c.practice().registrationNumber()))
			.toList();
	}

	private Actor newDoctorAccount() {
		String phone = Phones.newPhone();
		var account = accounts.open(new NewAccount("Dr. " + phone, null, null, phone, "SecurePassword123",
				Role.CLINICIAN));
		return new Actor(account.id(), account.publicId(), Role.CLINICIAN, UUID.randomUUID());
	}

	private static ClinicianDetails details(String zone) {
		return new ClinicianDetails(null, null, null, null, List.of("Cardiology"), null, null, 7, 50_000L, null, null,
				"Heart doctor", zone);
	}

	private static ClinicianPractice practice(String registration) {
		return new ClinicianPractice(null, registration, null, null);
	}
}
