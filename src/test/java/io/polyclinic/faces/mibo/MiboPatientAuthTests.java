package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;

class MiboPatientAuthTests extends ApiTest {

	@Autowired
	PatientRegistry patients;
	@Autowired
	JdbcClient jdbc;

	MiboClient mibo;
	MiboPeople people;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	Http.Res verify(String phone, Map<String, String> extra) {
		var body = new java.util.HashMap<>(Map.of("phone", phone, "otp", mibo.lastCode(phone)));
		body.putAll(extra);
		return http.post("/mibo/api/patient-auth/verify-otp", body).send();
	}

	LeadSource leadSourceOf(long patientId) {
		return patients.findAll(List.of(patientId)).get(patientId).leadSource();
	}

	@Test
	void sendOtpAnswersTheDocumentedShapeAndSendsByWhatsApp() {
		String phone = MiboClient.newPhone();

		var res = http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", "Jane Smith")).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("success").asBoolean()).isTrue();
		assertThat(res.json().path("message").asString()).isEqualTo("OTP sent successfully via WhatsApp");
		assertThat(keys(res.data())).containsExactly("expiresIn", "isNewUser", "phone");
		assertThat(res.data().path("phone").asString()).isEqualTo(phone);
		assertThat(res.data().path("expiresIn").asInt()).isEqualTo(300);
		var outbox = http.get("/dev/outbox?to=" + phone.replace("+", "%2B")).send().json();
		assertThat(outbox.get(0).path("channel").asString()).isEqualToIgnoringCase("WHATSAPP");
	}

	@Test
	void sendOtpNeedsAPhone() {
		var res = http.post("/mibo/api/patient-auth/send-otp", Map.of("fullName", "Jane Smith")).send();

		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("phone").asString()).isEqualTo("Phone number is required");

		var invalid = http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", "12ab")).send();
		assertError(invalid, 400, "VALIDATION_ERROR");
		assertThat(invalid.json().path("error").path("details").path("phone").asString()).isEqualTo("Invalid phone number");
	}

	@Test
	void theFirstVerifiedCodeSignsThePatientUpOnceAndLaterOnesSignThemIn() {
		String phone = MiboClient.newPhone();
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", "Jane Smith")).send();

		var first = verify(phone, Map.of());

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("message").asString()).isEqualTo("Login successful");
		assertThat(keys(first.data())).containsExactly("accessToken", "patient", "refreshToken");
		var patient = first.data().path("patient");
		assertThat(keys(patient)).containsExactly("email", "fullName", "id", "isNewUser", "phone");
		assertThat(patient.path("fullName").asString()).isEqualTo("Jane Smith");
		assertThat(patient.path("phone").asString()).isEqualTo(phone);
		assertThat(patient.path("email").isNull()).isTrue();
		assertThat(patient.path("isNewUser").asBoolean()).isTrue();
		long id = patient.path("id").asLong();
		assertThat(leadSourceOf(id)).isEqualTo(LeadSource.WEBSITE);

		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", "Someone Else")).send();
		var second = verify(phone, Map.of("leadSource", "REFERRAL"));

		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(second.data().path("patient").path("isNewUser").asBoolean()).isFalse();
		assertThat(second.data().path("patient").path("id").asLong()).isEqualTo(id);
		assertThat(second.data().path("patient").path("fullName").asString()).isEqualTo("Jane Smith");
		// a returning patient keeps the lead source they came with
		assertThat(leadSourceOf(id)).isEqualTo(LeadSource.WEBSITE);
	}

	@Test
	void aNewPatientsLeadSourceComesFromTheRequestWhenRecognised() {
		String bySocial = MiboClient.newPhone();
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", bySocial, "fullName", "Social Patient")).send();
		long social = verify(bySocial, Map.of("leadSource", "Social Media")).data().path("patient").path("id").asLong();
		assertThat(leadSourceOf(social)).isEqualTo(LeadSource.SOCIAL_MEDIA);

		String bySource = MiboClient.newPhone();
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", bySource, "fullName", "Chat Patient")).send();
		long chat = verify(bySource, Map.of("source", "whatsapp")).data().path("patient").path("id").asLong();
		assertThat(leadSourceOf(chat)).isEqualTo(LeadSource.WHATSAPP);

		String byUnknown = MiboClient.newPhone();
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", byUnknown, "fullName", "Billboard Patient")).send();
		long unknown = verify(byUnknown, Map.of("leadSource", "billboard")).data().path("patient").path("id").asLong();
		assertThat(leadSourceOf(unknown)).isEqualTo(LeadSource.WEBSITE);
	}

	@Test
	void verifyOtpRefusesMissingAndWrongCodes() {
		String phone = MiboClient.newPhone();
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", "Jane Smith")).send();

		var missing = http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", phone)).send();
		assertError(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.json().path("error").path("details").path("otp").asString()).isEqualTo("OTP is required");

		String code = mibo.lastCode(phone);
		String wrong = code.equals("111111") ? "222222" : "111111";
		assertError(http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", phone, "otp", wrong)).send(), 400,
				"INVALID_OTP");
		// no patient was made by the failed attempt
		assertThat(verify(phone, Map.of()).data().path("patient").path("isNewUser").asBoolean()).isTrue();
	}

	@Test
	void aStaffPhoneCannotSignInAsAPatient() {
		var staff = mibo.staff(6);
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", staff.phone(), "fullName", "Not A Patient")).send();

		assertError(verify(staff.phone(), Map.of()), 401, "INVALID_CREDENTIALS");
	}

	@Test
	void aPhoneGetsAtMostThreeCodesInFifteenMinutesWhoeverAsks() {
		String phone = MiboClient.newPhone();
		for (int i = 0; i < 3; i++) {
			assertThat(http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", "Jane Smith"))
				.send().status()).isEqualTo(200);
		}

		// spelled otherwise (national form) it is the same number; asking as staff counts too
		var refused = http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone.substring(3), "fullName",
				"Jane Smith")).send();
		var asStaff = http.post("/mibo/api/auth/send-otp", Map.of("phone", phone)).send();

		for (var res : List.of(refused, asStaff)) {
			assertError(res, 429, "RATE_LIMIT_EXCEEDED");
			assertThat(res.json().path("error").path("retryAfter").asLong()).isBetween(840L, 900L);
			assertThat(res.header("Retry-After")).isEqualTo(res.json().path("error").path("retryAfter").asString());
		}
		assertThat(http.get("/dev/outbox?to=" + phone.replace("+", "%2B")).send().json().size()).isEqualTo(3);
	}

	@Test
	void aPhoneGetsAtMostTenCodesADayAndIsToldWhenTheOldestLeavesTheDay() {
		String phone = MiboClient.newPhone();
		Instant now = Instant.now();
		// ten codes over the last day, none of them in the last fifteen minutes: the oldest 23 hours ago
		for (int i = 0; i < 10; i++) {
			Instant at = now.minus(Duration.ofHours(23)).plus(Duration.ofHours(2 * i + 1).dividedBy(2));
			jdbc.sql("""
					INSERT INTO otp_challenges (destination, purpose, code_hash, attempts, created_at, expires_at)
					VALUES (?, 'PATIENT_LOGIN', 'spent', 0, ?, ?)""")
				.params(phone, at.atOffset(ZoneOffset.UTC), at.plusSeconds(300).atOffset(ZoneOffset.UTC))
				.update();
		}

		var refused = http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", "Jane Smith"))
			.send();

		assertError(refused, 429, "RATE_LIMIT_EXCEEDED");
		long oldestLeaves = Duration.between(now, now.minus(Duration.ofHours(23)).plus(Duration.ofMinutes(30))
			.plus(Duration.ofHours(24))).toSeconds();
		assertThat(refused.json().path("error").path("retryAfter").asLong()).isBetween(oldestLeaves - 60,
				oldestLeaves + 1);
		assertThat(http.get("/dev/outbox?to=" + phone.replace("+", "%2B")).send().json().size()).isZero();
	}

	@Test
	void refreshTokenRotatesTheRefreshToken() {
		var login = people.patientSignUp("Refreshing Patient");

		var res = http.post("/mibo/api/patient-auth/refresh-token", Map.of("refreshToken", login.refreshToken())).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("accessToken", "refreshToken");
		assertThat(res.data().path("refreshToken").asString()).isNotEqualTo(login.refreshToken());
		assertThat(http.get("/mibo/api/patient-auth/me").token(res.data().path("accessToken").asString()).send().status())
			.isEqualTo(200);
		assertError(http.post("/mibo/api/patient-auth/refresh-token", Map.of("refreshToken", login.refreshToken())).send(),
				401, "INVALID_TOKEN");
	}

	@Test
	void refreshTokenNeedsAToken() {
		var res = http.post("/mibo/api/patient-auth/refresh-token", Map.of()).send();

		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("refreshToken").asString())
			.isEqualTo("Refresh token is required");
		assertError(http.post("/mibo/api/patient-auth/refresh-token", Map.of("refreshToken", "not-a-token")).send(), 401,
				"INVALID_TOKEN");
	}

	@Test
	void logoutWithTheRefreshTokenAloneEndsTheSession() {
		var login = people.patientSignUp("Leaving Patient");

		var res = http.post("/mibo/api/patient-auth/logout", Map.of("refreshToken", login.refreshToken())).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "success");
		assertThat(res.json().path("message").asString()).isEqualTo("Logged out successfully");
		assertError(http.post("/mibo/api/patient-auth/refresh-token", Map.of("refreshToken", login.refreshToken())).send(),
				401, "INVALID_TOKEN");
		assertThat(http.get("/mibo/api/patient-auth/me").token(login.accessToken()).send().status()).isEqualTo(401);
	}

	@Test
	void logoutWithAnAccessTokenEndsThatSessionToo() {
		var login = people.patientSignUp("Leaving Patient");

		var res = http.post("/mibo/api/patient-auth/logout", Map.of()).token(login.accessToken()).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(http.get("/mibo/api/patient-auth/me").token(login.accessToken()).send().status()).isEqualTo(401);
	}

	@Test
	void logoutNeedsARefreshTokenOrACaller() {
		var res = http.post("/mibo/api/patient-auth/logout", Map.of()).send();

		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("refreshToken").asString())
			.isEqualTo("Refresh token is required");
	}

	@Test
	void meAnswersTheDocumentedPatientFields() {
		var login = people.patientSignUp("Jane Smith");
		var admin = people.admin();
		http.put("/mibo/api/patients/" + login.id(), Map.of("email", MiboPeople.unique("jane") + "@example.com",
				"dateOfBirth", "1990-05-15", "gender", "FEMALE", "bloodGroup", "O+", "emergencyContactName", "John Smith",
				"emergencyContactPhone", "+919876543211")).token(admin).send();

		var res = http.get("/mibo/api/patient-auth/me").token(login.accessToken()).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("bloodGroup", "dateOfBirth", "email", "emergencyContactName",
				"emergencyContactPhone", "fullName", "gender", "id", "phone");
		assertThat(res.data().path("id").asLong()).isEqualTo(login.id());
		assertThat(res.data().path("dateOfBirth").asString()).isEqualTo("1990-05-15");
		assertThat(res.data().path("gender").asString()).isEqualTo("FEMALE");
		assertThat(res.data().path("bloodGroup").asString()).isEqualTo("O+");
		assertThat(res.data().path("emergencyContactPhone").asString()).isEqualTo("+919876543211");
	}

	@Test
	void meIsForPatientsOnly() {
		assertError(http.get("/mibo/api/patient-auth/me").token(mibo.staff(6).token()).send(), 403, "FORBIDDEN");
		assertError(http.get("/mibo/api/patient-auth/me").token(people.admin()).send(), 403, "FORBIDDEN");
		assertError(http.get("/mibo/api/patient-auth/me").send(), 401, "UNAUTHORIZED");
	}
}
