package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.identity.OtpChannel;
import io.polyclinic.identity.OtpPurpose;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Refusal;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;
import io.polyclinic.support.Phones;

/** A patient signs up with the details they give at the code, and signs in with a password the clinic gave them. */
class PatientSignInTests extends ApiTest {

	@Autowired
	PatientRegistry patients;
	@Autowired
	SignIn signIn;
	@Autowired
	Accounts accounts;
	@Autowired
	Clinic clinic;

	String code(String phone) {
		signIn.requestOtp(phone, OtpPurpose.PATIENT_LOGIN, OtpChannel.WHATSAPP, "Name At Code");
		return new MiboClient(http).lastCode(phone);
	}

	@Test
	void theSignUpDetailsMakeTheNewPatientAndNeverChangeAKnownOne() {
		String phone = Phones.newPhone();
		var details = new PatientDetails("Asha Rao", null, "asha@example.test", LocalDate.of(1990, 5, 15), "FEMALE",
				null, null, null, null);

		var first = patients.signInWithCode(phone, code(phone), LeadSource.WEBSITE, details);

		assertThat(first.newPatient()).isTrue();
		assertThat(first.patient().fullName()).isEqualTo("Asha Rao");
		assertThat(first.patient().email()).isEqualTo("asha@example.test");
		assertThat(first.patient().gender()).isEqualTo("FEMALE");
		assertThat(first.patient().dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 15));

		var again = patients.signInWithCode(phone, code(phone), LeadSource.WEBSITE,
				new PatientDetails("Someone Else", null, null, null, "MALE", null, null, null, null));
		assertThat(again.newPatient()).isFalse();
		assertThat(again.patient().fullName()).isEqualTo("Asha Rao");
		assertThat(again.patient().gender()).isEqualTo("FEMALE");

		// without details, the name given with the code, as before
		String other = Phones.newPhone();
		assertThat(patients.signInWithCode(other, code(other), LeadSource.WEBSITE, null).patient().fullName())
			.isEqualTo("Name At Code");
	}

	@Test
	void aBadSignUpDetailIsRefusedBeforeTheCodeIsSpent() {
		String phone = Phones.newPhone();
		String code = code(phone);

		assertThatThrownBy(() -> patients.signInWithCode(phone, code, LeadSource.WEBSITE,
				new PatientDetails("Asha Rao", null, null, null, "ROBOT", null, null, null, null)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("gender"));
		assertThat(patients.signInWithCode(phone, code, LeadSource.WEBSITE, null).newPatient()).isTrue();
	}

	@Test
	void aPatientWithAPasswordSignsInWithItAndStaffAreRefusedAsAWrongPassword() {
		Patient patient = clinic.patient();
		String username = "pt" + Long.toString(System.nanoTime(), 36);
		accounts.change(patient.userId(), new AccountChanges(null, null, null, username, "Patient123!", null));

		var signedIn = patients.signInWithPassword(username, "Patient123!");

		assertThat(signedIn.patient().id()).isEqualTo(patient.id());
		assertThat(signedIn.newPatient()).isFalse();
		assertThat(signedIn.tokens().accessToken()).isNotBlank();
		assertThat(patients.signInWithPassword(patient.phone(), "Patient123!").patient().id()).isEqualTo(patient.id());
		assertThatThrownBy(() -> patients.signInWithPassword(username, "Wrong123!"))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_CREDENTIALS"));
		assertThatThrownBy(() -> patients.signInWithPassword("admin", "Admin123!"))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_CREDENTIALS"));
	}
}
