package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.Phones;
import tools.jackson.databind.JsonNode;

/**
 * People for the tests of the original Clinico dialect, signed in as its client signs in: by email and password at
 * {@code /clinico/api/auth/login}. Every one is new (the suite shares one database).
 */
final class ClinicoOriginalPeople {

	static final String PASSWORD = "Journey123!";

	private final Http http;
	private final Clinic clinic;
	private final ClinicianRegistry clinicians;
	private final Availability availability;

	ClinicoOriginalPeople(Http http, Clinic clinic, ClinicianRegistry clinicians, Availability availability) {
		this.http = http;
		this.clinic = clinic;
		this.clinicians = clinicians;
		this.availability = availability;
	}

	record Person(long userId, String email, String name, String token) {
	}

	record Doctor(Clinician clinician, Person person) {
	}

	/** A patient who registered through the original's sign-up, and signed in. */
	Person patient() {
		String email = "patient." + Phones.newPhone().substring(1) + "@clinico.example";
		String name = "Patient " + email.substring(8, 18);
		var res = http.post("/clinico/api/auth/register", Map.of("email", email, "password", PASSWORD, "full_name", name,
				"role", "Patient")).send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		return signIn(email, name);
	}

	/**
	 * A doctor the clinic appointed (verified, listed), with an email to sign in with, a specialty, 30-minute slots every
	 * day round the clock in UTC (so that a test always finds a free slot soon), signed in.
	 */
	Doctor doctor(String specialty) {
		String phone = Phones.newPhone();
		String email = "dr." + phone.substring(1) + "@clinico.example";
		String name = "Dr. Original " + phone.substring(phone.length() - 6);
		Clinician clinician = clinicians.register(new ClinicianDetails(name, phone, email, null, List.of(specialty),
				List.of("MBBS", "MD"), List.of("English", "Hindi"), 7, 50_000L, 30, null, null, "UTC"), null, PASSWORD,
				clinic.admin());
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.map(d -> new AvailabilityRule(d, LocalTime.MIN, LocalTime.of(23, 30), true, null))
			.toList(), clinic.admin());
		return new Doctor(clinician, signIn(email, name));
	}

	Person signIn(String email, String name) {
		var res = http.post("/clinico/api/auth/login", Map.of("email", email, "password", PASSWORD)).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		return new Person(body.path("user").path("user_id").asLong(), email, name, body.path("token").asString());
	}

	/** The demo administrator, signed in through the original's login. */
	Person admin() {
		var res = http.post("/clinico/api/auth/login", Map.of("email", "admin@test.com", "password", "Admin123!"))
			.send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		return new Person(res.json().path("user").path("user_id").asLong(), "admin@test.com", "Demo Administrator",
				res.json().path("token").asString());
	}
}
