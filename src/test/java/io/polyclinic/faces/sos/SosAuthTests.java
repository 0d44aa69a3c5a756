package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.Phones;
import tools.jackson.databind.JsonNode;

class SosAuthTests extends ApiTest {

	private static final String AUTH = "/sos/api/v1/auth";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clinic clinic;

	@Test
	void emailLoginAnswersTheDocumentedShape() {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "Admin123!"))
			.send();

		assertThat(res.status()).isEqualTo(200);
		var body = res.json();
		assertThat(keys(body)).containsExactly("access_token", "message", "user");
		assertThat(keys(body.path("user"))).containsExactly("associated_doctors", "email", "id", "is_email_verified",
				"is_status", "name", "phone", "profile_picture", "role");
		assertThat(body.path("user").path("role").asString()).isEqualTo("admin");
		assertThat(body.path("user").path("is_status").asString()).isEqualTo("active");
		assertThat(body.path("user").path("email").asString()).isEqualTo("admin@test.com");
		assertThat(body.path("user").path("id").asString()).matches("[0-9a-f-]{36}");
	}

	@Test
	void wrongPasswordIs401InTheFacesErrorShape() {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "wrong-password"))
			.send();

		assertThat(res.status()).isEqualTo(401);
		assertThat(keys(res.json())).containsExactly("details", "error", "status");
		assertThat(res.json().path("status").asInt()).isEqualTo(401);
	}

	@Test
	void aMissingEmailOrShortPasswordIs400NamingTheField() {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("password", "short")).send();

		assertThat(res.status()).isEqualTo(400);
		assertThat(res.json().path("error").asString()).isEqualTo("Validation failed");
		assertThat(res.json().path("details").asString()).contains("email").contains("password");
	}

	@Test
	void malformedJsonAndUnknownRoutesAnswerInTheFacesShape() {
		var malformed = http.post("/sos/api/v1/auth/email/login", "{\"email\":").send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(keys(malformed.json())).containsExactly("details", "error", "status");

		var unknown = http.get("/sos/api/v1/nothing-here").send();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("status").asInt()).isEqualTo(404);
	}

	@Test
	void meAndUsersMeShowTheSignedInUserWithTimestamps() {
		String token = adminToken();

		for (String path : new String[] { "/sos/api/v1/auth/me", "/sos/api/v1/users/me" }) {
			var res = http.get(path).token(token).send();
			assertThat(res.status()).isEqualTo(200);
			assertThat(keys(res.json())).containsExactly("user");
			assertThat(keys(res.json().path("user"))).containsExactly("associated_doctors", "created_at", "email", "id",
					"is_email_verified", "is_status", "name", "phone", "profile_picture", "role", "updated_at");
		}
		assertThat(http.get("/sos/api/v1/auth/me").send().status()).isEqualTo(401);
	}

	@Test
	void logoutRevokesThePresentedToken() {
		String token = adminToken();

		var res = http.post("/sos/api/v1/auth/logout", Map.of()).token(token).send();
		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message");

		var after = http.get("/sos/api/v1/auth/me").token(token).send();
		assertThat(after.status()).isEqualTo(401);
		assertThat(keys(after.json())).containsExactly("details", "error", "status");
	}

	private String adminToken() {
		return http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "Admin123!")).send()
			.json().path("access_token").asString();
	}

	// --- email one-time codes

	@Test
	void theFirstEmailCodeSignsAnUnknownAddressUpAsAnActivePatientWithAVerifiedEmail() {
		String email = newEmail("amelie");

		var sent = http.post(AUTH + "/email/send-otp", Map.of("email", email)).send();
		assertThat(sent.status()).isEqualTo(200);
		assertThat(keys(sent.json())).containsExactly("message");
		JsonNode mail = lastMessage(email);
		assertThat(mail.path("channel").asString()).isEqualTo("EMAIL");

		var verified = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", codeIn(mail))).send();

		assertThat(verified.status()).isEqualTo(200);
		assertThat(keys(verified.json())).containsExactly("access_token", "message", "user");
		JsonNode user = verified.json().path("user");
		assertThat(keys(user)).containsExactly("associated_doctors", "email", "id", "is_email_verified", "is_status",
				"name", "phone", "profile_picture", "role");
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(user.path("is_status").asString()).isEqualTo("active");
		assertThat(user.path("is_email_verified").asBoolean()).isTrue();
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("name").asString()).isEqualTo(email.substring(0, email.indexOf('@')));
		assertThat(user.path("phone").isNull()).isTrue();

		String token = verified.json().path("access_token").asString();
		var me = http.get(AUTH + "/me").token(token).send();
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("user").path("id").asString()).isEqualTo(user.path("id").asString());
		assertThat(me.json().path("user").path("is_email_verified").asBoolean()).isTrue();

		// the next code signs the same person in: no second account
		http.post(AUTH + "/email/send-otp", Map.of("email", email.toUpperCase())).send();
		var again = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", codeIn(lastMessage(email))))
			.send();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("user").path("id").asString()).isEqualTo(user.path("id").asString());
	}

	@Test
	void anEmailCodeSignsInTheStaffMemberWhoHoldsTheAddress() {
		// the demo administrator: sos has one sign-in for every role
		http.post(AUTH + "/email/send-otp", Map.of("email", "admin@test.com")).send();

		var verified = http.post(AUTH + "/email/verify-otp",
				Map.of("email", "admin@test.com", "token", codeIn(lastMessage("admin@test.com")))).send();

		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().path("user").path("role").asString()).isEqualTo("admin");
		assertThat(verified.json().path("user").path("is_email_verified").asBoolean()).isTrue();
	}

	@Test
	void emailCodesRefuseAMissingOrMalformedAddress() {
		var missing = http.post(AUTH + "/email/send-otp", Map.of()).send();
		assertError(missing, 400);
		assertThat(missing.json().path("details").asString()).contains("email");

		var malformed = http.post(AUTH + "/email/send-otp", Map.of("email", "not-an-address")).send();
		assertError(malformed, 400);
		assertThat(malformed.json().path("details").asString()).contains("email");

		var unknownProperty = http.post(AUTH + "/email/send-otp", Map.of("email", newEmail("x"), "role", "admin"))
			.send();
		assertError(unknownProperty, 400);

		var noToken = http.post(AUTH + "/email/verify-otp", Map.of("email", newEmail("y"))).send();
		assertError(noToken, 400);
		assertThat(noToken.json().path("details").asString()).contains("token");
	}

	@Test
	void aWrongEmailCodeIsRefusedAndGivesNoToken() {
		String email = newEmail("wrong");
		http.post(AUTH + "/email/send-otp", Map.of("email", email)).send();
		String code = codeIn(lastMessage(email));

		var wrong = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", otherThan(code))).send();
		assertError(wrong, 400);
		assertThat(wrong.json().path("details").asString()).isEqualTo("INVALID_OTP");

		var notSixDigits = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", "12ab")).send();
		assertError(notSixDigits, 400);
		assertThat(notSixDigits.json().path("details").asString()).contains("token");

		var neverSent = http.post(AUTH + "/email/verify-otp", Map.of("email", newEmail("never"), "token", "123456"))
			.send();
		assertError(neverSent, 400);

		// the right code still works after one wrong guess, once
		var right = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", code)).send();
		assertThat(right.status()).isEqualTo(200);
		var reused = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", code)).send();
		assertError(reused, 400);
		assertThat(reused.json().path("details").asString()).isEqualTo("OTP_EXPIRED");
	}

	@Test
	void fiveWrongGuessesSpendTheCode() {
		String email = newEmail("guesser");
		http.post(AUTH + "/email/send-otp", Map.of("email", email)).send();
		String code = codeIn(lastMessage(email));

		for (int i = 0; i < 5; i++) {
			assertError(http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", otherThan(code))).send(),
					400);
		}
		var right = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", code)).send();

		assertError(right, 400);
		assertThat(right.json().path("details").asString()).isEqualTo("OTP_EXPIRED");
		assertThat(right.json().path("error").asString()).contains("Too many");
		assertThat(right.json().has("access_token")).isFalse();
	}

	@Test
	void anExpiredEmailCodeIsRefused() {
		String email = newEmail("late");
		http.post(AUTH + "/email/send-otp", Map.of("email", email)).send();
		String code = codeIn(lastMessage(email));
		// the code's five minutes are over
		jdbc.sql("UPDATE otp_challenges SET expires_at = ? WHERE destination = ?")
			.params(Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC), email)
			.update();

		var late = http.post(AUTH + "/email/verify-otp", Map.of("email", email, "token", code)).send();

		assertError(late, 400);
		assertThat(late.json().path("details").asString()).isEqualTo("OTP_EXPIRED");
	}

	@Test
	void anAddressGetsThreeCodesPerWindowThen429() {
		String email = newEmail("pump");
		for (int i = 0; i < 3; i++) {
			assertThat(http.post(AUTH + "/email/send-otp", Map.of("email", email)).send().status()).isEqualTo(200);
		}

		var refused = http.post(AUTH + "/email/send-otp", Map.of("email", email)).send();

		assertThat(refused.status()).isEqualTo(429);
		assertThat(keys(refused.json())).containsExactly("details", "error", "retry_after", "status");
		assertThat(outbox(email).size()).isEqualTo(3);
	}

	// --- phone one-time codes (SMS) and WhatsApp

	@Test
	void theFirstPhoneCodeSignsAnUnknownNumberUpAsAnActivePatient() {
		String phone = Phones.newPhone();

		var sent = http.post(AUTH + "/phone/send-otp", Map.of("phone", phone)).send();
		assertThat(sent.status()).isEqualTo(200);
		assertThat(keys(sent.json())).containsExactly("message");
		assertThat(lastMessage(phone).path("channel").asString()).isEqualTo("SMS");

		var verified = http.post(AUTH + "/phone/verify-otp", Map.of("phone", phone, "token", codeIn(lastMessage(phone))))
			.send();

		assertThat(verified.status()).isEqualTo(200);
		assertThat(keys(verified.json())).containsExactly("access_token", "message", "user");
		JsonNode user = verified.json().path("user");
		assertThat(keys(user)).containsExactly("associated_doctors", "email", "id", "is_email_verified", "is_status",
				"name", "phone", "profile_picture", "role");
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(user.path("is_status").asString()).isEqualTo("active");
		assertThat(user.path("phone").asString()).isEqualTo(phone);
		assertThat(user.path("is_email_verified").asBoolean()).isFalse();
		assertThat(http.get(AUTH + "/me").token(verified.json().path("access_token").asString()).send().status())
			.isEqualTo(200);
	}

	@Test
	void aPhoneCodeSignsInTheKnownPatientOrDoctorWhoHoldsTheNumber() {
		var patient = clinic.patient();
		http.post(AUTH + "/phone/send-otp", Map.of("phone", patient.phone())).send();
		var asPatient = http.post(AUTH + "/phone/verify-otp",
				Map.of("phone", patient.phone(), "token", codeIn(lastMessage(patient.phone())))).send();
		assertThat(asPatient.status()).isEqualTo(200);
		assertThat(asPatient.json().path("user").path("name").asString()).isEqualTo(patient.fullName());
		assertThat(asPatient.json().path("user").path("role").asString()).isEqualTo("patient");

		var doctor = clinic.clinician(null, "Indian/Mauritius");
		http.post(AUTH + "/phone/send-otp", Map.of("phone", doctor.phone())).send();
		var asDoctor = http.post(AUTH + "/phone/verify-otp",
				Map.of("phone", doctor.phone(), "token", codeIn(lastMessage(doctor.phone())))).send();
		assertThat(asDoctor.status()).isEqualTo(200);
		assertThat(asDoctor.json().path("user").path("role").asString()).isEqualTo("doctor");
	}

	@Test
	void phoneCodesRefuseANumberNotInE164AndAWrongCode() {
		assertError(http.post(AUTH + "/phone/send-otp", Map.of()).send(), 400);
		var national = http.post(AUTH + "/phone/send-otp", Map.of("phone", "9876543210")).send();
		assertError(national, 400);
		assertThat(national.json().path("details").asString()).contains("phone");
		assertError(http.post(AUTH + "/phone/send-otp", Map.of("phone", "+12")).send(), 400);

		String phone = Phones.newPhone();
		http.post(AUTH + "/phone/send-otp", Map.of("phone", phone)).send();
		String code = codeIn(lastMessage(phone));
		var wrong = http.post(AUTH + "/phone/verify-otp", Map.of("phone", phone, "token", otherThan(code))).send();
		assertError(wrong, 400);
		assertThat(wrong.json().path("details").asString()).isEqualTo("INVALID_OTP");
		assertError(http.post(AUTH + "/phone/verify-otp", Map.of("phone", "0044", "token", code)).send(), 400);
	}

	@Test
	void whatsappCodesTravelAsAGetWithAJsonBodyOrAQueryAndAreVerifiedAsPhoneCodes() throws Exception {
		String phone = Phones.newPhone();
		var withBody = getWithBody(AUTH + "/whatsapp/send-otp", "{\"phone\":\"" + phone + "\"}");
		assertThat(withBody.statusCode()).isEqualTo(200);
		assertThat(keys(Http.JSON.readTree(withBody.body()))).containsExactly("message");
		JsonNode message = lastMessage(phone);
		assertThat(message.path("channel").asString()).isEqualTo("WHATSAPP");

		var verified = http.post(AUTH + "/phone/verify-otp", Map.of("phone", phone, "token", codeIn(message))).send();
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().path("user").path("phone").asString()).isEqualTo(phone);

		String other = Phones.newPhone();
		var withQuery = http.get(AUTH + "/whatsapp/send-otp?phone=" + URLEncoder.encode(other, StandardCharsets.UTF_8))
			.send();
		assertThat(withQuery.status()).isEqualTo(200);
		assertThat(keys(withQuery.json())).containsExactly("message");
		assertThat(lastMessage(other).path("channel").asString()).isEqualTo("WHATSAPP");

		var neither = http.get(AUTH + "/whatsapp/send-otp").send();
		assertError(neither, 400);
		assertThat(neither.json().path("details").asString()).contains("phone");
		var badBody = getWithBody(AUTH + "/whatsapp/send-otp", "{\"phone\":\"12345\"}");
		assertThat(badBody.statusCode()).isEqualTo(400);
		assertThat(keys(Http.JSON.readTree(badBody.body()))).containsExactly("details", "error", "status");
	}

	// --- OAuth without configuration (this suite's application registers no provider)

	@Test
	void oauthWithoutARegistrationIsA400NotConfigured() {
		for (String provider : new String[] { "google", "facebook", "instagram" }) {
			var res = http.get(AUTH + "/" + provider).send();
			assertError(res, 400);
			assertThat(res.json().path("details").asString()).isEqualTo("OAUTH_NOT_CONFIGURED");
		}
		var callback = http.get(AUTH + "/google/callback?code=abc&state=forged").send();
		assertError(callback, 401);
		assertThat(callback.json().has("access_token")).isFalse();
		assertThat(http.get(AUTH + "/myspace").send().status()).isEqualTo(404);
	}

	private static String newEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private JsonNode outbox(String to) {
		var res = http.get("/dev/outbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)).send();
		assertThat(res.status()).isEqualTo(200);
		return res.json();
	}

	private JsonNode lastMessage(String to) {
		JsonNode messages = outbox(to);
		assertThat(messages.size()).as("messages to " + to).isPositive();
		return messages.get(0);
	}

	private static String codeIn(JsonNode message) {
		var matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(message.path("body").asString());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String otherThan(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

	private static void assertError(Http.Res res, int status) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(keys(res.json())).containsExactly("details", "error", "status");
		assertThat(res.json().path("status").asInt()).isEqualTo(status);
	}

	private HttpResponse<String> getWithBody(String path, String json) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.method("GET", HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}
}
