package io.polyclinic.faces.mibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;

/**
 * The people the Mibo people tests need, made through the face itself: centres, clinicians, patients.
 */
final class MiboPeople {

	private static final AtomicLong NAMES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private final Http http;
	private final MiboClient mibo;
	private String adminToken;

	MiboPeople(Http http, MiboClient mibo) {
		this.http = http;
		this.mibo = mibo;
	}

	/** One administrator sign-in per test, not one per request. */
	String admin() {
		if (adminToken == null) {
			adminToken = mibo.adminToken();
		}
		return adminToken;
	}

	/** A name no other test uses, for searches that must find exactly what this test made. */
	static String unique(String prefix) {
		return prefix + "z" + Long.toString(NAMES.incrementAndGet(), 36);
	}

	long centre(String city) {
		var res = http.post("/mibo/api/centres", Map.of("name", unique("Mibo "), "city", city, "address", "1 Main Road",
				"phone", "+918012345678", "email", unique("centre") + "@mibo.test"))
			.token(admin())
			.send();
		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		return res.data().path("id").asLong();
	}

	Clinician clinician(Long centreId, String... specializations) {
		String phone = MiboClient.newPhone();
		Map<String, Object> body = new HashMap<>(Map.of("fullName", "Dr. " + unique("Doc"), "phone", phone, "email",
				phone.substring(1) + "@clinician.test", "password", "SecurePassword123", "specialization",
				List.of(specializations), "qualification", List.of("PhD Psychology"), "yearsOfExperience", 8,
				"consultationFee", 1500, "languages", List.of("English", "Hindi")));
		if (centreId != null) {
			body.put("primaryCentreId", centreId);
		}
		var res = http.post("/mibo/api/clinicians", body).token(admin()).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		return new Clinician(res.data().path("id").asLong(), res.data().path("userId").asLong(), phone);
	}

	String clinicianToken(Clinician clinician) {
		return mibo.login(clinician.phone(), "SecurePassword123");
	}

	/** A patient registered by the administrator through {@code POST /api/patients}. */
	Patient patient() {
		String phone = MiboClient.newPhone();
		var res = http.post("/mibo/api/patients", Map.of("fullName", unique("Patient "), "phone", phone))
			.token(admin())
			.send();
		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		return new Patient(res.data().path("id").asLong(), phone);
	}

	/** A patient who signed up with a one-time code, and their tokens. */
	PatientLogin patientSignUp(String fullName) {
		String phone = MiboClient.newPhone();
		var sent = http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", fullName)).send();
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		var res = http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", phone, "otp", mibo.lastCode(phone)))
			.send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		return new PatientLogin(res.data().path("patient").path("id").asLong(), phone,
				res.data().path("accessToken").asString(), res.data().path("refreshToken").asString());
	}

	record Clinician(long id, long userId, String phone) {
	}

	record Patient(long id, String phone) {
	}

	record PatientLogin(long id, String phone, String accessToken, String refreshToken) {
	}
}
