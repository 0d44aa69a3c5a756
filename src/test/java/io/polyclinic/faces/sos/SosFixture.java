package io.polyclinic.faces.sos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.People;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;

/**
 * What sos's appointment tests need: a doctor in Mauritius with weekday hours 09:00-17:00, patients, signed-in
 * callers of every sos role (patients and doctors get their tokens from identity, as a verified code would give
 * them), and bookings through {@code POST /sos/api/v1/appointments}.
 */
final class SosFixture {

	static final ZoneId MAURITIUS = ZoneId.of("Indian/Mauritius");
	static final String PASSWORD = "SecurePassword123";
	static final String BASE = "/sos/api/v1/appointments";

	private final Http http;
	private final Clinic clinic;
	private final VerifiedSessions sessions;
	private final StaffRegistry staff;
	private final People people;

	SosFixture(Http http, Clinic clinic, VerifiedSessions sessions, StaffRegistry staff, People people) {
		this.http = http;
		this.clinic = clinic;
		this.sessions = sessions;
		this.staff = staff;
		this.people = people;
	}

	Clinician doctor() {
		return clinic.clinician(null, MAURITIUS.getId());
	}

	Patient patient() {
		return clinic.patient();
	}

	String token(Patient patient) {
		return sessions.start(patient.userId()).tokens().accessToken();
	}

	String token(Clinician doctor) {
		return sessions.start(doctor.userId()).tokens().accessToken();
	}

	UUID accountOf(Patient patient) {
		return people.byIds(Set.of(patient.userId())).get(patient.userId()).publicId();
	}

	String adminToken() {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "Admin123!"))
			.send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		return res.json().path("access_token").asString();
	}

	String secretaryToken() {
		String phone = MiboClient.newPhone();
		staff.hire(new NewStaffMember("Secretary " + phone, phone, null, null, PASSWORD, Role.SECRETARY, null),
				clinic.admin());
		return new MiboClient(http).login(phone, PASSWORD);
	}

	/** A weekday at least a week ahead on the doctor's calendar. */
	static LocalDate weekday(DayOfWeek day) {
		return Clinic.nextWeekday(MAURITIUS, day);
	}

	/** A request body that can be changed in line. */
	static final class Body extends HashMap<String, Object> {

		Body with(String key, Object value) {
			put(key, value);
			return this;
		}
	}

	static Body body(Clinician doctor, LocalDate day, String start, String end, String kind) {
		Body body = new Body();
		body.put("doctor_id", doctor.accountId().toString());
		body.put("date", day.toString());
		body.put("start_time", start);
		body.put("end_time", end);
		body.put("consultation_type", kind);
		return body;
	}

	/** Books as the given caller and expects 201; answers the appointment. */
	tools.jackson.databind.JsonNode book(String token, Map<String, Object> body) {
		var res = http.post(BASE, body).token(token).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		return res.json().path("appointment");
	}

	tools.jackson.databind.JsonNode book(Patient patient, Clinician doctor, LocalDate day, String start, String end) {
		return book(token(patient), body(doctor, day, start, end, "video"));
	}

	static List<String> ids(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		res.json().path("appointments").forEach(a -> ids.add(a.path("id").asString()));
		return ids;
	}
}
