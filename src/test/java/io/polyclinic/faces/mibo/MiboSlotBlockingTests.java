package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertValidation;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

/** The admin panel's slot blocking, {@code /api/admin/slots/...}, as the panel sends and reads it. */
class MiboSlotBlockingTests extends ApiTest {

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

	@Test
	void aBlockedSlotShowsTakenListsItsPatientsAndUnblocks() {
		Clinician clinician = given.clinician();
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.WEDNESDAY);
		var booked = given.book(patient, clinician, day, 10);
		String token = given.staffToken(Role.ADMIN);
		Map<String, Object> slot = slot(clinician, day, "10:00:00", "12:00:00");

		var preview = http.post("/mibo/api/admin/slots/affected-patients", Map.of("slots", List.of(slot))).token(token)
			.send();
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		JsonNode affected = preview.data().path("affected_patients");
		assertThat(affected.size()).isEqualTo(1);
		assertThat(keys(affected.get(0))).contains("patient_id", "patient_name", "patient_phone", "patient_email",
				"appointment_id", "appointment_time", "clinician_name", "payment_status", "refund_eligible");
		assertThat(affected.get(0).path("appointment_id").asLong()).isEqualTo(booked.id());

		var res = http.post("/mibo/api/admin/slots/block", slot).token(token).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		JsonNode blocked = res.data().path("blocked_slot");
		assertThat(keys(blocked)).contains("id", "clinician_id", "blocked_date", "start_time", "end_time", "reason",
				"blocked_by_admin_id", "blocked_at", "is_blocked");
		assertThat(blocked.path("blocked_date").asString()).isEqualTo(day.toString());
		assertThat(blocked.path("start_time").asString()).isEqualTo("10:00:00");
		assertThat(blocked.path("end_time").asString()).isEqualTo("12:00:00");
		assertThat(blocked.path("reason").asString()).isEqualTo("Leave");
		assertThat(blocked.path("is_blocked").asBoolean()).isTrue();
		assertThat(res.data().path("affected_patients").size()).isEqualTo(1);
		assertThat(free(clinician, day)).doesNotContain("10:00:00", "11:00:00").contains("09:00:00", "12:00:00");

		var list = http.get("/mibo/api/admin/slots/blocked?clinician_id=" + clinician.id() + "&date_from=" + day
				+ "&date_to=" + day).token(token).send();
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.data().path("total").asInt()).isEqualTo(1);
		assertThat(list.data().path("blocked_slots").get(0).path("id").asLong()).isEqualTo(blocked.path("id").asLong());

		var unblocked = http.post("/mibo/api/admin/slots/unblock/" + blocked.path("id").asLong(), Map.of())
			.token(token).send();
		assertThat(unblocked.status()).as(unblocked.toString()).isEqualTo(200);
		assertThat(unblocked.data().path("is_blocked").asBoolean()).isFalse();
		assertThat(free(clinician, day)).contains("11:00:00");
		assertThat(http.post("/mibo/api/admin/slots/unblock/" + blocked.path("id").asLong(), Map.of()).token(token)
			.send().status()).isEqualTo(404);
	}

	@Test
	void aDayAndSeveralSlotsAtOnce() {
		Clinician clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.THURSDAY);
		String token = given.staffToken(Role.MANAGER);

		var res = http.post("/mibo/api/admin/slots/block-day", Map.of("clinician_id", clinician.id(), "centre_id", 1,
				"date", day.toString(), "reason", "Conference")).token(token).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().path("blocked_count").asInt()).isEqualTo(8);
		assertThat(res.data().path("affected_patients").size()).isZero();
		assertThat(free(clinician, day)).isEmpty();

		LocalDate next = day.plusDays(1);
		var multiple = http.post("/mibo/api/admin/slots/block-multiple", Map.of("slots",
				List.of(slot(clinician, next, "09:00", "10:00"), slot(clinician, next, "15:00:00", "17:00:00")),
				"reason", "Half day")).token(token).send();
		assertThat(multiple.status()).as(multiple.toString()).isEqualTo(200);
		assertThat(multiple.data().path("blocked_count").asInt()).isEqualTo(2);
		assertThat(free(clinician, next)).containsExactly("10:00:00", "11:00:00", "12:00:00", "13:00:00", "14:00:00");

		var all = http.get("/mibo/api/admin/slots/blocked?date_from=" + day + "&date_to=" + next).token(token).send();
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(all.data().path("total").asInt()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		Clinician clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.FRIDAY);
		String token = given.staffToken(Role.ADMIN);

		assertValidation(http.post("/mibo/api/admin/slots/block", slot(clinician, day, "12:00:00", "10:00:00"))
			.token(token).send(), "endTime");
		assertValidation(http.post("/mibo/api/admin/slots/block", slot(clinician, day, "noon", "13:00:00"))
			.token(token).send(), "start_time");
		assertValidation(http.post("/mibo/api/admin/slots/block-multiple", Map.of("slots", List.of())).token(token)
			.send(), "slots");
		var unknown = new HashMap<>(slot(clinician, day, "10:00:00", "11:00:00"));
		unknown.put("colour", "red");
		var refused = http.post("/mibo/api/admin/slots/block", unknown).token(token).send();
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(free(clinician, day)).contains("10:00:00");
	}

	@Test
	void onlyTheClinicianKeepersMayBlock() {
		Clinician clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		var body = slot(clinician, day, "10:00:00", "11:00:00");

		assertForbidden(http.post("/mibo/api/admin/slots/block", body).token(given.token(clinician)).send());
		assertForbidden(http.post("/mibo/api/admin/slots/block", body).token(given.token(given.patient())).send());
		assertForbidden(http.post("/mibo/api/admin/slots/block", body).token(given.staffToken(Role.FRONT_DESK)).send());
		assertForbidden(http.get("/mibo/api/admin/slots/blocked").token(given.staffToken(Role.CENTRE_MANAGER)).send());
		assertThat(http.post("/mibo/api/admin/slots/block", body).send().status()).isEqualTo(401);
		assertThat(free(clinician, day)).contains("10:00:00");
	}

	private static Map<String, Object> slot(Clinician clinician, LocalDate day, String start, String end) {
		return Map.of("clinician_id", clinician.id(), "centre_id", 1, "date", day.toString(), "start_time", start,
				"end_time", end, "reason", "Leave");
	}

	private List<String> free(Clinician clinician, LocalDate day) {
		var res = http.get("/mibo/api/booking/available-slots?clinicianId=" + clinician.id() + "&date=" + day).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		List<String> times = new java.util.ArrayList<>();
		res.data().path("availableSlots").forEach(s -> {
			if (s.path("available").asBoolean()) {
				times.add(s.path("time").asString());
			}
		});
		return times;
	}
}
