package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/doctors/availability/}: a doctor's own weekly rules, one per day of the week (0 is Monday), with breaks
 * inside the hours; the same hours the clinic's staff set, shown on the doctor's detail.
 */
class HcpAvailabilityRuleTests extends HcpApiTest {

	@Test
	void aDoctorKeepsTheirOwnRulesOnePerDayWithBreaks() {
		HcpPeople.Person doctor = people.doctor();

		// the hours the clinic set: Monday to Friday, 09:00-17:00
		JsonNode week = data(http.get(API + "/doctors/availability/").token(doctor.token()).send(), 200);
		assertThat(week.size()).isEqualTo(5);
		assertThat(week.get(0).path("day_of_week").asInt()).isZero();
		assertThat(week.get(4).path("day_of_week").asInt()).isEqualTo(4);
		assertThat(week.get(0).path("start_time").asString()).isEqualTo("09:00:00");
		assertThat(week.get(0).path("end_time").asString()).isEqualTo("17:00:00");

		Http.Res created = http.post(API + "/doctors/availability/", rule(5, "09:00", "13:00",
				List.of(Map.of("start", "11:00", "end", "11:30")))).token(doctor.token()).send();
		JsonNode saturday = data(created, 201);
		assertThat(Http.keys(saturday)).containsExactlyInAnyOrder("id", "day_of_week", "start_time", "end_time",
				"is_available", "break_times");
		assertThat(saturday.path("day_of_week").asInt()).isEqualTo(5);
		assertThat(saturday.path("start_time").asString()).isEqualTo("09:00:00");
		assertThat(saturday.path("end_time").asString()).isEqualTo("13:00:00");
		assertThat(saturday.path("is_available").asBoolean()).isTrue();
		assertThat(saturday.path("break_times").get(0).path("start").asString()).isEqualTo("11:00");
		assertThat(saturday.path("break_times").get(0).path("end").asString()).isEqualTo("11:30");
		long id = saturday.path("id").asLong();

		assertThat(data(http.get(API + "/doctors/availability/" + id + "/").token(doctor.token()).send(), 200))
			.isEqualTo(saturday);
		JsonNode detail = data(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 200);
		assertThat(detail.path("availability").size()).isEqualTo(6);
		assertThat(detail.path("availability").get(5).path("id").asLong()).isEqualTo(id);

		// a change keeps the id; what it leaves out stays
		JsonNode changed = data(http.put(API + "/doctors/availability/" + id + "/", Map.of("end_time", "14:00:00",
				"break_times", List.of())).token(doctor.token()).send(), 200);
		assertThat(changed.path("id").asLong()).isEqualTo(id);
		assertThat(changed.path("start_time").asString()).isEqualTo("09:00:00");
		assertThat(changed.path("end_time").asString()).isEqualTo("14:00:00");
		assertThat(changed.path("break_times").size()).isZero();

		data(http.delete(API + "/doctors/availability/" + id + "/").token(doctor.token()).send(), 200);
		drfError(http.get(API + "/doctors/availability/" + id + "/").token(doctor.token()).send(), 404);
		assertThat(data(http.get(API + "/doctors/availability").token(doctor.token()).send(), 200).size())
			.isEqualTo(5);
	}

	@Test
	void badRulesAreDrfFieldErrors() {
		HcpPeople.Person doctor = people.doctor();
		String token = doctor.token();
		assertThat(fieldError(http.post(API + "/doctors/availability/", rule(0, "09:00", "12:00", List.of()))
			.token(token).send(), "day_of_week")).isEqualTo("An availability rule for this day already exists.");
		assertThat(fieldError(http.post(API + "/doctors/availability/", rule(7, "09:00", "12:00", List.of()))
			.token(token).send(), "day_of_week")).isEqualTo("\"7\" is not a valid choice.");
		assertThat(fieldError(http.post(API + "/doctors/availability/", rule(6, "13:00", "12:00", List.of()))
			.token(token).send(), "end_time")).isEqualTo("End time must be after start time.");
		assertThat(fieldError(http.post(API + "/doctors/availability/", rule(6, "9am", "12:00", List.of()))
			.token(token).send(), "start_time")).startsWith("Time has wrong format.");
		assertThat(fieldError(http.post(API + "/doctors/availability/", rule(6, "09:00", "12:00",
				List.of(Map.of("start", "11:00", "end", "13:00")))).token(token).send(), "break_times"))
			.isEqualTo("A break must lie inside the rule's hours.");
		JsonNode missing = drfError(http.post(API + "/doctors/availability/", Map.of()).token(token).send(), 400);
		assertThat(Http.keys(missing)).contains("day_of_week", "start_time", "end_time");
	}

	@Test
	void anotherDoctorsRuleIsNotFoundAndOnlyDoctorsKeepRules() {
		HcpPeople.Person doctor = people.doctor();
		HcpPeople.Person other = people.doctor();
		long id = data(http.get(API + "/doctors/availability/").token(doctor.token()).send(), 200).get(0).path("id")
			.asLong();

		drfError(http.get(API + "/doctors/availability/" + id + "/").token(other.token()).send(), 404);
		drfError(http.put(API + "/doctors/availability/" + id + "/", Map.of("end_time", "18:00"))
			.token(other.token()).send(), 404);
		drfError(http.delete(API + "/doctors/availability/" + id + "/").token(other.token()).send(), 404);
		drfError(http.get(API + "/doctors/availability/").token(people.patient().token()).send(), 403);
		drfError(http.post(API + "/doctors/availability/", rule(6, "09:00", "12:00", List.of()))
			.token(people.patient().token()).send(), 403);
		drfError(http.get(API + "/doctors/availability/").token(people.admin().token()).send(), 403);
		drfError(http.get(API + "/doctors/availability/").send(), 401);
		// still there, unchanged
		assertThat(data(http.get(API + "/doctors/availability/" + id + "/").token(doctor.token()).send(), 200)
			.path("end_time").asString()).isEqualTo("17:00:00");
	}

	private static Map<String, Object> rule(int day, String start, String end, List<Map<String, String>> breaks) {
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("day_of_week", day);
		rule.put("start_time", start);
		rule.put("end_time", end);
		rule.put("is_available", true);
		rule.put("break_times", breaks);
		return rule;
	}
}
