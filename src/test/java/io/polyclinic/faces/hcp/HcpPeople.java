package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** Patients, doctors and the administrator, signed in through the hcp face, each with their tokens. */
final class HcpPeople {

	static final String ADMIN_PASSWORD = "Admin123!";
	static final String PASSWORD = "Str0ng-pass";
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Http http;
	private final Clinic clinic;
	private final ClinicianRegistry clinicians;

	HcpPeople(Http http, Clinic clinic, ClinicianRegistry clinicians) {
		this.http = http;
		this.clinic = clinic;
		this.clinicians = clinicians;
	}

	/**
	 * Someone signed in: their user id, tokens, login and email; a doctor's hcp doctor id (the clinician's) and the
	 * clinician itself.
	 */
	record Person(long id, String token, String refresh, String username, @Nullable String email,
			@Nullable Long doctorId, @Nullable Clinician clinician) {

		long requireDoctorId() {
			assertThat(doctorId).isNotNull();
			return doctorId;
		}
	}

	static String uniqueEmail(String who) {
		return who + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@hcp.test";
	}

	/** A patient registered through {@code /api/auth/register/} as the app does (username = email), signed in. */
	Person patient() {
		String email = uniqueEmail("patient");
		register(email, "patient", "Pat", "Ient " + SEQUENCE.incrementAndGet());
		return login(email, PASSWORD, null, null);
	}

	/**
	 * A doctor registered through {@code /api/auth/register/} with role doctor (hcp's own sign-up: their KYC is
	 * theirs to complete), signed in.
	 */
	Person registeredDoctor() {
		String email = uniqueEmail("doctor");
		JsonNode user = register(email, "doctor", "Doc", "Tor " + SEQUENCE.incrementAndGet());
		Clinician clinician = clinicians.forUser(user.path("id").asLong()).orElseThrow();
		return login(email, PASSWORD, clinician.id(), clinician);
	}

	/**
	 * A verified doctor, created as the clinic's staff create clinicians (09:00-17:00 Monday to Friday in Kolkata,
	 * 60-minute consultations, fee ₹1500), signed in through hcp with their phone number.
	 */
	Person doctor() {
		return doctor("Asia/Kolkata");
	}

	Person doctor(String zone) {
		Clinician clinician = clinic.clinician(null, zone);
		return login(clinician.phone(), "SecurePassword123", clinician.id(), clinician);
	}

	/** The demo administrator. */
	Person admin() {
		return login("admin", ADMIN_PASSWORD, null, null);
	}

	JsonNode register(String email, String role, String firstName, String lastName) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", email);
		body.put("email", email);
		body.put("password", PASSWORD);
		body.put("password_confirm", PASSWORD);
		body.put("first_name", firstName);
		body.put("last_name", lastName);
		body.put("phone", "");
		body.put("date_of_birth", null);
		body.put("gender", "other");
		body.put("role", role);
		Http.Res res = http.post(HcpApiTest.API + "/auth/register/", body).send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		return res.json().path("data");
	}

	Person login(String username, String password, @Nullable Long doctorId, @Nullable Clinician clinician) {
		Http.Res res = http.post(HcpApiTest.API + "/auth/login/", Map.of("username", username, "password", password))
			.send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		String access = res.json().path("access").asString();
		Http.Res me = http.get(HcpApiTest.API + "/auth/me/").token(access).send();
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		JsonNode user = me.json().path("data");
		return new Person(user.path("id").asLong(), access, res.json().path("refresh").asString(), username,
				user.path("email").asString(), doctorId, clinician);
	}
}
