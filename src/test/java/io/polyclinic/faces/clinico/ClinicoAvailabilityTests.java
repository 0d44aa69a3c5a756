package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.SlotId;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /clinico/api/availability/batch}: the doctor's batch against a hand count, re-running it, bad batches,
 * who may open slots — and the opened slots in the other faces: offered by Mibo's available-slots with their own
 * length, booked through Mibo as long as they were opened, gone from the list once taken through hcp.
 */
class ClinicoAvailabilityTests extends ClinicoApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	AppointmentBook book;

	@Test
	void aDoctorsBatchOpensTheSlotsOfTheNext28Days_andRunningItAgainOpensNone() {
		var doctor = people.doctor();
		Map<String, Object> batch = batch(List.of("Monday", "Wednesday"), "09:00:00", "17:00:00", 30);

		int before = handCount(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), Instant.now());
		JsonNode body = ok(http.post(API + "/availability/batch", batch).token(doctor.token()).send(), 201);
		int after = handCount(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), Instant.now());

		assertThat(Http.keys(body)).containsExactlyInAnyOrder("message", "slots_created");
		assertThat(body.path("message").asString()).isEqualTo("Slots generated successfully");
		assertThat(body.path("slots_created").isInt()).isTrue();
		assertThat(body.path("slots_created").asInt()).isBetween(after, before);
		JsonNode again = ok(http.post(API + "/availability/batch", batch).token(doctor.token()).send(), 201);
		assertThat(again.path("slots_created").asInt()).isZero();
	}

	@Test
	void aBatchThatMakesNoSenseIs400() {
		String token = people.doctor().token();
		List<Map<String, Object>> bad = List.of(batch(List.of("Funday"), "09:00:00", "17:00:00", 30),
				batch(List.of(), "09:00:00", "17:00:00", 30), batch(List.of("Monday"), "17:00:00", "09:00:00", 30),
				batch(List.of("Monday"), "09:00:00", "09:00:00", 30), batch(List.of("Monday"), "9 am", "17:00:00", 30),
				batch(List.of("Monday"), "09:00:00", "17:00:00", 0), batch(List.of("Monday"), "09:00:00", "17:00:00", -15),
				batch(List.of("Monday"), "09:00:00", "17:00:00", 45), batch(List.of("Monday"), "09:00:00", "17:00:00", 481));
		for (Map<String, Object> request : bad) {
			var res = http.post(API + "/availability/batch", request).token(token).send();
			assertThat(error(res, 400)).as(request.toString()).isIn("INVALID_INPUT", "VALIDATION_ERROR");
		}
		Map<String, Object> missing = batch(List.of("Monday"), "09:00:00", "17:00:00", 30);
		missing.remove("slot_duration_minutes");
		error(http.post(API + "/availability/batch", missing).token(token).send(), 400);
		assertThat(error(http.post(API + "/availability/batch", batch(List.of("Funday"), "09:00:00", "17:00:00", 30))
			.token(token).send(), 400)).isEqualTo("INVALID_INPUT");
	}

	@Test
	void onlyADoctorOpensSlots() {
		Map<String, Object> batch = batch(List.of("Sunday"), "20:00:00", "21:00:00", 60);
		error(http.post(API + "/availability/batch", batch).token(people.patient().token()).send(), 403, "FORBIDDEN");
		error(http.post(API + "/availability/batch", batch).token(people.admin().token()).send(), 403, "FORBIDDEN");
		error(http.post(API + "/availability/batch", batch).send(), 401);
	}

	@Test
	void openedSlotsAreOfferedAndBookedThroughMiboWithTheirLength_andOneTakenThroughHcpIsNotOffered() {
		var doctor = people.doctor(); // weekdays 09:00-17:00, 60-minute consultations
		long clinicianId = doctor.requireClinician().id();
		LocalDate saturday = LocalDate.now(KOLKATA).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		ok(http.post(API + "/availability/batch", batch(List.of("Saturday"), "10:00:00", "12:00:00", 30))
			.token(doctor.token()).send(), 201);
		String slots = "/mibo/api/booking/available-slots?clinicianId=" + clinicianId + "&date=" + saturday;

		JsonNode offered = miboData(http.get(slots).send());
		assertThat(times(offered.path("availableSlots"), "time")).containsExactly("10:00:00", "10:30:00", "11:00:00",
				"11:30:00");
		assertThat(offered.path("slots").get(0).path("endTime").asString()).startsWith("10:30");

		// a patient books 10:00 through Mibo: half an hour, as opened
		var patient = people.patient();
		var booked = http.post("/mibo/api/booking/create", Map.of("clinicianId", clinicianId, "appointmentDate",
				saturday.toString(), "appointmentTime", "10:00:00", "sessionType", "ONLINE")).token(patient.token())
			.send();
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		var appointment = book.require(booked.json().path("data").path("appointmentId").asLong());
		assertThat(Duration.between(appointment.startsAt(), appointment.endsAt())).isEqualTo(Duration.ofMinutes(30));

		// another patient takes 11:00 through hcp, by its slot id
		long eleven = new SlotId(clinicianId, ZonedDateTime.of(saturday, LocalTime.of(11, 0), KOLKATA).toInstant())
			.value();
		var hcp = http.post("/hcp/api/appointments/", Map.of("slot_id", eleven, "appointment_type", "video", "reason",
				"Cough")).token(people.patient().token()).send();
		assertThat(hcp.status()).as(hcp.body()).isEqualTo(201);

		JsonNode after = miboData(http.get(slots).send());
		assertThat(free(after.path("availableSlots"))).containsExactly("10:30:00", "11:30:00");
		var twice = http.post("/mibo/api/booking/create", Map.of("clinicianId", clinicianId, "appointmentDate",
				saturday.toString(), "appointmentTime", "11:00:00", "sessionType", "ONLINE"))
			.token(people.patient().token()).send();
		assertThat(twice.status()).as(twice.body()).isEqualTo(409);
	}

	static Map<String, Object> batch(List<String> days, String start, String end, int minutes) {
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("days_of_week", days);
		batch.put("start_time", start);
		batch.put("end_time", end);
		batch.put("slot_duration_minutes", minutes);
		return batch;
	}

	/** Slots of 09:00-17:00, half an hour each, on the days named from today to today + 27 in Kolkata, ahead of now. */
	static int handCount(Set<DayOfWeek> days, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, KOLKATA);
		int count = 0;
		for (int d = 0; d <= 27; d++) {
			LocalDate date = today.plusDays(d);
			for (int k = 0; days.contains(date.getDayOfWeek()) && k < 16; k++) {
				if (date.atTime(9, 0).plusMinutes(30L * k).atZone(KOLKATA).toInstant().isAfter(now)) {
					count++;
				}
			}
		}
		return count;
	}

	private static JsonNode miboData(Http.Res res) {
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		return res.json().path("data");
	}

	private static List<String> times(JsonNode slots, String field) {
		return java.util.stream.StreamSupport.stream(slots.spliterator(), false).map(s -> s.path(field).asString())
			.toList();
	}

	private static List<String> free(JsonNode slots) {
		return java.util.stream.StreamSupport.stream(slots.spliterator(), false)
			.filter(s -> s.path("available").asBoolean()).map(s -> s.path("time").asString()).toList();
	}
}
