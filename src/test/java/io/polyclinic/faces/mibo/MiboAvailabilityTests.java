package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertValidation;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

/** Clinicians' weekly hours ({@code /api/clinicians/{id}/availability}) and a day's free slots. */
class MiboAvailabilityTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;

	AppointmentFixture given;

	@BeforeEach
	void setUp() {
		given = new AppointmentFixture(clinic, staff, sessions, book, new MiboClient(http));
	}

	// PUT /api/clinicians/{id}/availability

	@Test
	void staffReplaceTheWeeklyHoursAndGetThemBack() {
		var clinician = given.clinician();

		var res = http.put("/mibo/api/clinicians/" + clinician.id() + "/availability", Map.of("availabilityRules",
				List.of(Map.of("dayOfWeek", "MONDAY", "startTime", "09:00:00", "endTime", "17:00:00", "isAvailable", true),
						Map.of("dayOfWeek", "TUESDAY", "startTime", "10:00", "endTime", "13:00:00"),
						Map.of("dayOfWeek", "MONDAY", "startTime", "12:00:00", "endTime", "13:00:00", "isAvailable",
								false))))
			.token(given.staffToken(Role.CENTRE_MANAGER)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("Availability updated successfully");
		assertThat(res.data().size()).isEqualTo(3);
		JsonNode first = res.data().get(0);
		assertThat(keys(first)).containsExactly("dayOfWeek", "endTime", "isAvailable", "startTime");
		assertThat(first.path("dayOfWeek").asString()).isEqualTo("MONDAY");
		assertThat(first.path("startTime").asString()).isEqualTo("09:00:00");
		assertThat(first.path("endTime").asString()).isEqualTo("17:00:00");
		assertThat(first.path("isAvailable").asBoolean()).isTrue();
		assertThat(res.data().get(1).path("isAvailable").asBoolean()).isFalse();
		assertThat(res.data().get(2).path("dayOfWeek").asString()).isEqualTo("TUESDAY");
		assertThat(res.data().get(2).path("startTime").asString()).isEqualTo("10:00:00");
		// the break blocks noon on Mondays; Wednesdays are no longer worked
		LocalDate monday = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		assertThat(free(clinician.id(), monday)).containsExactly("09:00:00", "10:00:00", "11:00:00", "13:00:00",
				"14:00:00", "15:00:00", "16:00:00");
		assertThat(free(clinician.id(), monday.plusDays(2))).isEmpty();
	}

	@Test
	void weeklyHoursAreValidatedNamingTheRule() {
		var clinician = given.clinician();
		String token = given.staffToken(Role.ADMIN);
		String path = "/mibo/api/clinicians/" + clinician.id() + "/availability";

		var missing = http.put(path, Map.of()).token(token).send();
		var badDay = http.put(path, Map.of("availabilityRules",
				List.of(Map.of("dayOfWeek", "FUNDAY", "startTime", "09:00:00", "endTime", "17:00:00")))).token(token)
			.send();
		var noStart = http.put(path, Map.of("availabilityRules", List.of(Map.of("dayOfWeek", "MONDAY", "endTime",
				"17:00:00")))).token(token).send();
		var backwards = http.put(path, Map.of("availabilityRules",
				List.of(Map.of("dayOfWeek", "MONDAY", "startTime", "17:00:00", "endTime", "09:00:00")))).token(token)
			.send();

		assertValidation(missing, "availabilityRules");
		assertValidation(badDay, "availabilityRules[0].dayOfWeek");
		assertValidation(noStart, "availabilityRules[0].startTime");
		assertValidation(backwards, "availabilityRules[0]");
		assertThat(http.put("/mibo/api/clinicians/987654321/availability", Map.of("availabilityRules", List.of()))
			.token(token).send().status()).isEqualTo(404);
	}

	@Test
	void onlyAdminsManagersAndCentreManagersSetHours() {
		var clinician = given.clinician();
		var body = Map.of("availabilityRules", List.of());
		String path = "/mibo/api/clinicians/" + clinician.id() + "/availability";

		assertForbidden(http.put(path, body).token(given.staffToken(Role.FRONT_DESK)).send());
		assertForbidden(http.put(path, body).token(given.token(clinician)).send());
		assertThat(http.put(path, body).send().status()).isEqualTo(401);
	}

	// GET /api/clinicians/{id}/availability

	@Test
	void theWeeklyHoursArePublic() {
		var clinician = given.clinician();

		var res = http.get("/mibo/api/clinicians/" + clinician.id() + "/availability").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().size()).isEqualTo(5);
		assertThat(keys(res.data().get(0))).containsExactly("dayOfWeek", "endTime", "isAvailable", "startTime");
		assertThat(res.data().get(0).path("dayOfWeek").asString()).isEqualTo("MONDAY");
		assertThat(res.data().get(4).path("dayOfWeek").asString()).isEqualTo("FRIDAY");
		assertThat(res.data().get(0).path("endTime").asString()).isEqualTo("17:00:00");
	}

	@Test
	void theHoursOfAnUnknownClinicianAreNotFound() {
		var res = http.get("/mibo/api/clinicians/987654321/availability").send();
		var bad = http.get("/mibo/api/clinicians/abc/availability").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
		assertValidation(bad, "id");
	}

	// GET /api/appointments/availability

	@Test
	void theFreeSlotsOfADayLeaveOutTakenOnes() {
		var clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.TUESDAY);
		given.book(given.patient(), clinician, day, 10);
		given.book(given.patient(), clinician, day, 14);

		var res = http.get("/mibo/api/appointments/availability?clinician_id=" + clinician.id() + "&date=" + day)
			.token(given.token(given.patient())).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("availableSlots");
		assertThat(strings(res.data().path("availableSlots"))).containsExactly("09:00:00", "11:00:00", "12:00:00",
				"13:00:00", "15:00:00", "16:00:00");
	}

	@Test
	void theFreeSlotsNeedTheSnakeCaseParametersAndACaller() {
		var clinician = given.clinician();
		String token = given.staffToken(Role.FRONT_DESK);

		assertValidation(http.get("/mibo/api/appointments/availability?clinicianId=" + clinician.id()
				+ "&date=2030-01-01").token(token).send(), "clinician_id");
		assertValidation(http.get("/mibo/api/appointments/availability?clinician_id=" + clinician.id()
				+ "&date=01-01-2030").token(token).send(), "date");
		assertThat(http.get("/mibo/api/appointments/availability?clinician_id=" + clinician.id() + "&date=2030-01-01")
			.send().status()).isEqualTo(401);
	}

	private List<String> free(long clinicianId, LocalDate day) {
		var res = http.get("/mibo/api/appointments/availability?clinician_id=" + clinicianId + "&date=" + day)
			.token(given.staffToken(Role.FRONT_DESK)).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		return strings(res.data().path("availableSlots"));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(n -> values.add(n.asString()));
		return values;
	}
}
