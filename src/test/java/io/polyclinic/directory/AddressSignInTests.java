package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

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

/** Signing in by a proven address (sos's codes): who is refused, and which codes serve. */
class AddressSignInTests extends ApiTest {

	@Autowired
	PatientRegistry patients;
	@Autowired
	SignIn signIn;
	@Autowired
	Accounts accounts;
	@Autowired
	Clinic clinic;

	@Test
	void aSwitchedOffAccountIsRefusedAndItsEmailIsNotMarkedVerified() {
		Patient patient = clinic.patient();
		String email = "off-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		accounts.change(patient.userId(), new AccountChanges(null, email, null, null, null, false));
		signIn.requestEmailOtp(email, OtpPurpose.SIGN_IN);
		String code = emailCode(email);

		assertThatThrownBy(() -> patients.signInWithEmailCode(email, code, LeadSource.WEBSITE))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAUTHENTICATED));
		assertThat(accounts.get(patient.userId()).emailVerified()).isFalse();
	}

	@Test
	void aKnownPatientSignsInAsThemselvesAndACodeForAnotherPurposeDoesNotServe() {
		Patient patient = clinic.patient();
		signIn.requestOtp(patient.phone(), OtpPurpose.PATIENT_LOGIN, OtpChannel.SMS, null);
		String mibosCode = new MiboClient(http).lastCode(patient.phone());
		assertThatThrownBy(() -> patients.signInWithPhoneCode(patient.phone(), mibosCode, LeadSource.WEBSITE))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_OTP"));

		signIn.requestOtp(patient.phone(), OtpPurpose.SIGN_IN, OtpChannel.SMS, null);
		var signedIn = patients.signInWithPhoneCode(patient.phone(), new MiboClient(http).lastCode(patient.phone()),
				LeadSource.WEBSITE);

		assertThat(signedIn.newPatient()).isFalse();
		assertThat(signedIn.account().id()).isEqualTo(patient.userId());
		assertThat(signedIn.tokens().accessToken()).isNotBlank();
	}

	@Test
	void aNewEmailPatientHasNoPhoneAndStaffStillRegisterPatientsByPhoneOnly() {
		String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		signIn.requestEmailOtp(email, OtpPurpose.SIGN_IN);

		var signedIn = patients.signInWithEmailCode(email, emailCode(email), LeadSource.WEBSITE);

		assertThat(signedIn.newPatient()).isTrue();
		assertThat(patients.forUser(signedIn.account().id())).hasValueSatisfying(p -> {
			assertThat(p.email()).isEqualTo(email);
			assertThat(p.phone()).isNull();
		});
		assertThatThrownBy(() -> patients.register(new PatientDetails("No Phone", null, "np@example.com", null, null,
				null, null, null, null), LeadSource.WALK_IN, clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("phone"));
	}

	private String emailCode(String email) {
		var messages = http.get("/dev/outbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).send().json();
		var matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(0).path("body").asString());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
