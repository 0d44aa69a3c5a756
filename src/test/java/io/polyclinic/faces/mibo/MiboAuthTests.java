package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.MiboClient;

class MiboAuthTests extends ApiTest {

	MiboClient mibo;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
	}

	@Test
	void usernamePasswordLoginAnswersTheDocumentedShape() {
		var res = http.post("/mibo/api/auth/login/username-password", Map.of("username", "admin", "password", "Admin123!"))
			.send();

		assertThat(res.status()).isEqualTo(200);
		var body = res.json();
		assertThat(body.path("success").asBoolean()).isTrue();
		assertThat(body.path("message").asString()).isEqualTo("Login successful");
		assertThat(keys(body.path("data"))).containsExactly("accessToken", "refreshToken", "user");
		assertThat(keys(body.path("data").path("user"))).containsExactly("assignedCentreId", "centreIds",
				"clinicianId", "email", "fullName", "full_name", "id", "name", "phone", "role", "roleId", "roleName",
				"username");
		assertThat(body.path("data").path("user").path("roleName").asString()).isEqualTo("ADMIN");
		assertThat(body.path("data").path("user").path("roleId").asInt()).isEqualTo(1);
		assertThat(body.path("data").path("user").path("email").asString()).isEqualTo("admin@test.com");
	}

	@Test
	void phonePasswordLoginWorksWithTheAdministratorsPhone() {
		var res = http.post("/mibo/api/auth/login/phone-password", Map.of("phone", "+15550000001", "password", "Admin123!"))
			.send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(res.data().path("user").path("phone").asString()).isEqualTo("+15550000001");
	}

	@Test
	void wrongPasswordIsInvalidCredentials() {
		var res = http.post("/mibo/api/auth/login/username-password", Map.of("username", "admin", "password", "nope-nope"))
			.send();

		assertThat(res.status()).isEqualTo(401);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
	}

	@Test
	void missingFieldsAreAValidationErrorNamingTheField() {
		var res = http.post("/mibo/api/auth/login/phone-password", Map.of("password", "x")).send();

		assertThat(res.status()).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("phone").asString()).isEqualTo("Phone number is required");
	}

	@Test
	void malformedJsonIsAValidationErrorNotAServerError() {
		var res = http.post("/mibo/api/auth/login/phone-password", "{\"phone\": ").send();

		assertThat(res.status()).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(res.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

	@Test
	void staffOtpLoginUsesTheCodeSentBySms() {
		var staff = mibo.staff(6);

		var sent = http.post("/mibo/api/auth/send-otp", Map.of("phone", staff.phone())).send();
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.json().path("message").asString()).isEqualTo("OTP sent successfully");
		assertThat(keys(sent.data())).containsExactly("expiresIn", "phone");
		assertThat(sent.data().path("expiresIn").asInt()).isEqualTo(300);

		var wrong = http.post("/mibo/api/auth/login/phone-otp", Map.of("phone", staff.phone(), "otp", "000000")).send();
		String code = mibo.lastCode(staff.phone());
		if (!code.equals("000000")) {
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.json().path("error").path("code").asString()).isEqualTo("INVALID_OTP");
		}

		var login = http.post("/mibo/api/auth/login/phone-otp", Map.of("phone", staff.phone(), "otp", code)).send();
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.data().path("user").path("roleName").asString()).isEqualTo("FRONT_DESK");
		assertThat(login.data().path("user").path("roleId").asInt()).isEqualTo(6);

		var reused = http.post("/mibo/api/auth/login/phone-otp", Map.of("phone", staff.phone(), "otp", code)).send();
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.json().path("error").path("code").asString()).isEqualTo("OTP_EXPIRED");
	}

	@Test
	void anOtpIsRefusedAfterFiveWrongGuesses() {
		var staff = mibo.staff(5);
		http.post("/mibo/api/auth/send-otp", Map.of("phone", staff.phone())).send();
		String code = mibo.lastCode(staff.phone());
		String wrong = code.equals("111111") ? "222222" : "111111";
		for (int i = 0; i < 5; i++) {
			http.post("/mibo/api/auth/login/phone-otp", Map.of("phone", staff.phone(), "otp", wrong)).send();
		}

		var res = http.post("/mibo/api/auth/login/phone-otp", Map.of("phone", staff.phone(), "otp", code)).send();

		assertThat(res.status()).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("OTP_EXPIRED");
	}

	@Test
	void aStaffPhoneGetsThreeCodesPerWindowAndAnUnknownPhoneAnswersAlike() {
		String known = mibo.staff(6).phone();
		String unknown = MiboClient.newPhone();

		for (String phone : new String[] { known, unknown }) {
			for (int i = 0; i < 3; i++) {
				var sent = http.post("/mibo/api/auth/send-otp", Map.of("phone", phone)).send();
				assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
				assertThat(sent.json().path("message").asString()).isEqualTo("OTP sent successfully");
			}
			var refused = http.post("/mibo/api/auth/send-otp", Map.of("phone", phone)).send();
			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(keys(refused.json())).containsExactly("error", "success");
			assertThat(keys(refused.json().path("error"))).containsExactly("code", "message", "retryAfter");
			assertThat(refused.json().path("error").path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
			assertThat(refused.json().path("error").path("message").asString())
				.isEqualTo("Too many codes were sent to this number. Please try again later.");
			long retryAfter = refused.json().path("error").path("retryAfter").asLong();
			assertThat(retryAfter).isBetween(840L, 900L);
			assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(retryAfter));
		}
		// the known phone had its three codes and no fourth; the unknown one none at all
		assertThat(http.get("/dev/outbox?to=" + known.replace("+", "%2B")).send().json().size()).isEqualTo(3);
		assertThat(http.get("/dev/outbox?to=" + unknown.replace("+", "%2B")).send().json().size()).isZero();
		// another phone is another count
		assertThat(http.post("/mibo/api/auth/send-otp", Map.of("phone", MiboClient.newPhone())).send().status())
			.isEqualTo(200);
	}

	@Test
	void meReturnsTheCurrentUser() {
		var res = http.get("/mibo/api/auth/me").token(mibo.adminToken()).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("assignedCentreId", "centreIds", "clinicianId", "email", "fullName",
				"full_name", "id", "isActive", "name", "phone", "role", "roleId", "roleName", "username");
		assertThat(res.data().path("isActive").asBoolean()).isTrue();
	}

	@Test
	void meWithoutATokenIsUnauthorized() {
		var res = http.get("/mibo/api/auth/me").send();

		assertThat(res.status()).isEqualTo(401);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(res.json().path("error").path("message").asString()).isEqualTo("Authentication required");
	}

	@Test
	void aForgedTokenIsInvalidToken() {
		String token = mibo.adminToken();
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

		var res = http.get("/mibo/api/auth/me").token(forged).send();

		assertThat(res.status()).isEqualTo(401);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
	}

	@Test
	void refreshRotatesAndAReusedRefreshTokenRevokesTheWholeFamily() {
		var login = http.post("/mibo/api/auth/login/username-password", Map.of("username", "admin", "password", "Admin123!"))
			.send();
		String firstRefresh = login.data().path("refreshToken").asString();

		var refreshed = http.post("/mibo/api/auth/refresh", Map.of("refreshToken", firstRefresh)).send();
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.data().path("accessToken").asString()).isNotBlank();
		String secondRefresh = refreshed.data().path("refreshToken").asString();
		String secondAccess = refreshed.data().path("accessToken").asString();
		assertThat(http.get("/mibo/api/auth/me").token(secondAccess).send().status()).isEqualTo(200);

		var reuse = http.post("/mibo/api/auth/refresh", Map.of("refreshToken", firstRefresh)).send();
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");

		// the family is gone: the rotated refresh token and the access token issued with it no longer work
		assertThat(http.post("/mibo/api/auth/refresh", Map.of("refreshToken", secondRefresh)).send().status())
			.isEqualTo(401);
		assertThat(http.get("/mibo/api/auth/me").token(secondAccess).send().status()).isEqualTo(401);
	}

	@Test
	void logoutRevokesTheSession() {
		var login = http.post("/mibo/api/auth/login/username-password", Map.of("username", "admin", "password", "Admin123!"))
			.send();
		String access = login.data().path("accessToken").asString();
		String refresh = login.data().path("refreshToken").asString();

		var out = http.post("/mibo/api/auth/logout", Map.of("refreshToken", refresh)).token(access).send();

		assertThat(out.status()).isEqualTo(200);
		assertThat(out.json().path("success").asBoolean()).isTrue();
		assertThat(http.get("/mibo/api/auth/me").token(access).send().status()).isEqualTo(401);
		assertThat(http.post("/mibo/api/auth/refresh", Map.of("refreshToken", refresh)).send().status()).isEqualTo(401);
	}

	@Test
	void unknownRoutesAndWrongMethodsAnswerInMibosShape() {
		var missing = http.get("/mibo/api/nothing-here").token(mibo.adminToken()).send();
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().path("success").asBoolean()).isFalse();
		assertThat(missing.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");

		var wrongMethod = http.delete("/mibo/api/auth/me").token(mibo.adminToken()).send();
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.json().path("error").path("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void anOversizedBodyIsRefusedInMibosShape() {
		String huge = "{\"username\":\"" + "x".repeat(1536 * 1024) + "\",\"password\":\"y\"}";

		var res = http.post("/mibo/api/auth/login/username-password", huge).send();

		assertThat(res.status()).isEqualTo(413);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void healthReportsTheDatabase() {
		var res = http.get("/mibo/api/health").send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("database", "status", "timestamp", "uptime");
		assertThat(res.data().path("status").asString()).isEqualTo("healthy");
		assertThat(res.data().path("database").asString()).isEqualTo("connected");
	}
}
