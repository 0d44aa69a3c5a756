package io.polyclinic.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Steps through the Mibo face that many tests need: signing in, opening staff accounts, reading codes from the dev
 * outbox.
 */
public final class MiboClient {

	private final Http http;

	public MiboClient(Http http) {
		this.http = http;
	}

	/** A fresh Indian mobile number for this test run (see {@link Phones}). */
	public static String newPhone() {
		return Phones.newPhone();
	}

	public String adminToken() {
		var res = http.post("/mibo/api/auth/login/username-password", Map.of("username", "admin", "password", "Admin123!"))
			.send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		return res.data().path("accessToken").asString();
	}

	/** Opens a staff account with the given Mibo role id through the staff API and signs it in. */
	public Staff staff(int roleId) {
		String phone = newPhone();
		var created = http.post("/mibo/api/users", Map.of("fullName", "Staff " + phone, "phone", phone, "email",
				phone.substring(1) + "@staff.test", "password", "SecurePassword123", "roleId", roleId))
			.token(adminToken())
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Staff(created.data().path("id").asLong(), phone, login(phone, "SecurePassword123"));
	}

	public String login(String phone, String password) {
		var res = http.post("/mibo/api/auth/login/phone-password", Map.of("phone", phone, "password", password)).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		return res.data().path("accessToken").asString();
	}

	/** The newest one-time code the dev outbox holds for a phone. */
	public String lastCode(String phone) {
		var res = http.get("/dev/outbox?to=" + phone.replace("+", "%2B")).send();
		assertThat(res.status()).isEqualTo(200);
		JsonNode messages = res.json();
		assertThat(messages.size()).as("messages to " + phone).isPositive();
		var matcher = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(0).path("body").asString());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	public record Staff(long id, String phone, String token) {
	}
}
