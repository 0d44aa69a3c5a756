package io.polyclinic.faces.sos;

import static io.polyclinic.faces.sos.SosFixture.BASE;
import static io.polyclinic.faces.sos.SosFixture.body;
import static io.polyclinic.faces.sos.SosFixture.ids;
import static io.polyclinic.faces.sos.SosFixture.weekday;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.People;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** {@code /sos/api/v1/appointments}: every endpoint's shape and status, bad input, and who may see and do what. */
class SosAppointmentTests extends ApiTest {

	static final List<String> ITEM = List.of("additional_note", "consultation_type", "created_at", "date", "doctor_id",
			"end_time", "id", "start_time", "status", "stream_channel_id", "symptoms", "updated_at", "user_id",
			"visit_location");
	static final List<String> DETAIL = List.of("additional_note", "consultation_type", "created_at", "date", "doctor",
			"doctor_id", "end_time", "id", "patient", "start_time", "status", "stream_channel_id", "symptoms",
			"updated_at", "user_id", "visit_location");

	@Autowired
	Clinic clinic;
	@Autowired
	VerifiedSessions sessions;
	@Autowired
	StaffRegistry staff;
	@Autowired
	People people;

	SosFixture given;

	@BeforeEach
	void setUp() {
		given = new SosFixture(http, clinic, sessions, staff, people);
	}

	// POST /appointments

	@Test
	void aPatientBooksForThemselfOnTheDoctorsClockPendingPayment() {
		var doctor = given.doctor();
		var patient = given.patient();
		LocalDate day = weekday(DayOfWeek.MONDAY);
		var request = body(doctor, day, "10:00:00", "10:30:00", "home");
		request.put("symptoms", List.of("fever", "headache"));
		request.put("additional_note", "Room 12");
		request.put("visit_location", Map.of("hotel", "Le Morne", "room", 12));

		var res = http.post(BASE, request).token(given.token(patient)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(keys(res.json())).containsExactly("appointment", "message");
		JsonNode a = res.json().path("appointment");
		assertThat(keys(a)).containsExactlyElementsOf(ITEM);
		assertThat(a.path("id").asString()).matches("[0-9a-f-]{36}");
		assertThat(a.path("user_id").asString()).isEqualTo(given.accountOf(patient).toString());
		assertThat(a.path("doctor_id").asString()).isEqualTo(doctor.accountId().toString());
		assertThat(a.path("date").asString()).isEqualTo(day.toString());
		assertThat(a.path("start_time").asString()).isEqualTo("10:00:00");
		assertThat(a.path("end_time").asString()).isEqualTo("10:30:00");
		assertThat(a.path("status").asString()).isEqualTo("pending_payment");
		assertThat(a.path("stream_channel_id").isNull()).isTrue();
		assertThat(a.path("consultation_type").asString()).isEqualTo("home");
		assertThat(a.path("symptoms").toString()).isEqualTo("[\"fever\",\"headache\"]");
		assertThat(a.path("additional_note").asString()).isEqualTo("Room 12");
		assertThat(a.path("visit_location").path("hotel").asString()).isEqualTo("Le Morne");
		assertThat(a.path("visit_location").path("room").asInt()).isEqualTo(12);
		assertThat(a.path("created_at").asString()).endsWith("Z");
		assertThat(a.path("updated_at").asString()).endsWith("Z");
	}

	@Test
	void adminAndSecretaryBookForAPatientNamedByAccount() {
		var doctor = given.doctor();
		var patient = given.patient();
		LocalDate day = weekday(DayOfWeek.TUESDAY);
		var request = body(doctor, day, "11:00:00", "11:45:00", "online");
		request.put("user_id", given.accountOf(patient).toString());

		var byAdmin = given.book(given.adminToken(), request);
		assertThat(byAdmin.path("user_id").asString()).isEqualTo(given.accountOf(patient).toString());
		assertThat(byAdmin.path("symptoms").isArray()).isTrue();
		assertThat(byAdmin.path("symptoms").size()).isZero();
		assertThat(byAdmin.path("visit_location").isNull()).isTrue();

		request.put("start_time", "12:00:00");
		request.put("end_time", "12:30:00");
		var bySecretary = given.book(given.secretaryToken(), request);
		assertThat(bySecretary.path("user_id").asString()).isEqualTo(given.accountOf(patient).toString());
	}

	@Test
	void bookingRefusesBadInputInTheFacesShape() {
		var doctor = given.doctor();
		String patient = given.token(given.patient());
		LocalDate day = weekday(DayOfWeek.WEDNESDAY);

		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video").with("date", "31-12-2030"))
			.token(patient).send(), "date");
		assertInvalid(http.post(BASE, body(doctor, day, "10:30:00", "10:00:00", "video")).token(patient).send(),
				"end_time");
		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "teleport")).token(patient).send(),
				"consultation_type");
		assertInvalid(http.post(BASE, body(doctor, day, "25:00:00", "10:30:00", "video")).token(patient).send(),
				"start_time");
		var noDoctor = body(doctor, day, "10:00:00", "10:30:00", "video");
		noDoctor.remove("doctor_id");
		assertInvalid(http.post(BASE, noDoctor).token(patient).send(), "doctor_id");
		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video").with("surprise", 1))
			.token(patient).send(), "surprise");
		assertInvalid(http.post(BASE, body(doctor, LocalDate.now().minusDays(3), "10:00:00", "10:30:00", "video"))
			.token(patient).send(), "start_time");
		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video").with("symptoms", List.of(" ")))
			.token(patient).send(), "symptoms");
		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")
			.with("symptoms", java.util.Arrays.asList("fever", null))).token(patient).send(), "symptoms");
		// a value of the wrong type is the platform's 400 naming the field, in the face's shape
		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video").with("symptoms", "fever"))
			.token(patient).send(), "symptoms");
		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")
			.with("visit_location", Map.of("note", "x".repeat(6000)))).token(patient).send(), "visit_location");

		var unknownDoctor = http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")
			.with("doctor_id", UUID.randomUUID().toString())).token(patient).send();
		assertError(unknownDoctor, 404);
		// a user who is no doctor is no doctor_id either
		var notADoctor = http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")
			.with("doctor_id", given.accountOf(given.patient()).toString())).token(patient).send();
		assertError(notADoctor, 404);

		String admin = given.adminToken();
		assertInvalid(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")).token(admin).send(),
				"user_id");
		assertError(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")
			.with("user_id", UUID.randomUUID().toString())).token(admin).send(), 404);
		assertError(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")).send(), 401);
	}

	@Test
	void onlyPatientsBookForThemselfAndStaffForOthers() {
		var doctor = given.doctor();
		var patientA = given.patient();
		LocalDate day = weekday(DayOfWeek.THURSDAY);

		// patient B naming patient A
		var forSomeoneElse = http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")
			.with("user_id", given.accountOf(patientA).toString())).token(given.token(given.patient())).send();
		assertError(forSomeoneElse, 403);
		// a doctor books nobody's time
		assertError(http.post(BASE, body(doctor, day, "10:00:00", "10:30:00", "video")).token(given.token(doctor))
			.send(), 403);
		// naming themself is booking for themself
		var self = given.book(given.token(patientA), body(doctor, day, "10:00:00", "10:30:00", "video")
			.with("user_id", given.accountOf(patientA).toString()));
		assertThat(self.path("user_id").asString()).isEqualTo(given.accountOf(patientA).toString());
	}

	@Test
	void aTimeOutsideTheWorkingWindowsOrRunningPastOneIs409() {
		var doctor = given.doctor();
		String patient = given.token(given.patient());
		LocalDate monday = weekday(DayOfWeek.MONDAY);

		assertError(http.post(BASE, body(doctor, monday, "07:00:00", "08:00:00", "video")).token(patient).send(), 409);
		assertError(http.post(BASE, body(doctor, monday, "16:30:00", "17:30:00", "video")).token(patient).send(), 409);
		assertError(http.post(BASE, body(doctor, monday.plusDays(5), "10:00:00", "10:30:00", "video")).token(patient)
			.send(), 409);
		// the last half hour of the window is bookable
		given.book(patient, body(doctor, monday, "16:30:00", "17:00:00", "video"));
	}

	@Test
	void anOverlapWithAnotherActiveAppointmentIs409() {
		var doctor = given.doctor();
		LocalDate day = weekday(DayOfWeek.FRIDAY);
		given.book(given.patient(), doctor, day, "10:00:00", "10:30:00");

		var overlap = http.post(BASE, body(doctor, day, "10:15:00", "10:45:00", "chat"))
			.token(given.token(given.patient())).send();
		assertError(overlap, 409);
		// touching ends do not overlap
		given.book(given.patient(), doctor, day, "10:30:00", "11:00:00");
	}

	// GET /appointments/:id

	@Test
	void theDetailNestsThePatientAndTheDoctor() {
		var doctor = given.doctor();
		var patient = given.patient();
		var booked = given.book(patient, doctor, weekday(DayOfWeek.MONDAY), "09:00:00", "09:30:00");

		var res = http.get(BASE + "/" + booked.path("id").asString()).token(given.token(patient)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("appointment");
		JsonNode a = res.json().path("appointment");
		assertThat(keys(a)).containsExactlyElementsOf(DETAIL);
		assertThat(keys(a.path("patient"))).containsExactly("email", "id", "name", "phone", "profile_picture");
		assertThat(a.path("patient").path("id").asString()).isEqualTo(given.accountOf(patient).toString());
		assertThat(a.path("patient").path("name").asString()).isEqualTo(patient.fullName());
		assertThat(keys(a.path("doctor"))).containsExactly("doctor_profiles", "email", "id", "name", "phone",
				"profile_picture");
		assertThat(a.path("doctor").path("id").asString()).isEqualTo(doctor.accountId().toString());
		assertThat(keys(a.path("doctor").path("doctor_profiles").get(0))).containsExactly("rating", "specialisation");
		assertThat(a.path("doctor").path("doctor_profiles").get(0).path("specialisation").asString())
			.isEqualTo("Clinical Psychologist");

		// its doctor and staff see it too
		assertThat(http.get(BASE + "/" + booked.path("id").asString()).token(given.token(doctor)).send().status())
			.isEqualTo(200);
		assertThat(http.get(BASE + "/" + booked.path("id").asString()).token(given.secretaryToken()).send().status())
			.isEqualTo(200);
	}

	@Test
	void anotherPatientOrDoctorCannotReadItAndBadIdsAreRefused() {
		var doctor = given.doctor();
		var booked = given.book(given.patient(), doctor, weekday(DayOfWeek.MONDAY), "09:00:00", "09:30:00");
		String path = BASE + "/" + booked.path("id").asString();

		assertError(http.get(path).token(given.token(given.patient())).send(), 403);
		assertError(http.get(path).token(given.token(given.doctor())).send(), 403);
		assertError(http.get(BASE + "/" + UUID.randomUUID()).token(given.adminToken()).send(), 404);
		assertError(http.get(BASE + "/not-a-uuid").token(given.adminToken()).send(), 400);
		assertError(http.get(path).send(), 401);
	}

	// GET /appointments and /appointments/all

	@Test
	void theListShowsTheCallersOwnWithPagination() {
		var doctor = given.doctor();
		var patientA = given.patient();
		LocalDate day = weekday(DayOfWeek.TUESDAY);
		var first = given.book(patientA, doctor, day, "09:00:00", "09:30:00");
		var second = given.book(patientA, doctor, day.plusDays(1), "09:00:00", "09:30:00");
		var other = given.book(given.patient(), doctor, day, "10:00:00", "10:30:00");

		var res = http.get(BASE + "?limit=1").token(given.token(patientA)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("appointments", "pagination");
		assertThat(keys(res.json().path("pagination"))).containsExactly("limit", "page", "total", "totalPages");
		assertThat(res.json().path("pagination").path("total").asLong()).isEqualTo(2);
		assertThat(res.json().path("pagination").path("totalPages").asLong()).isEqualTo(2);
		assertThat(res.json().path("pagination").path("limit").asInt()).isEqualTo(1);
		assertThat(keys(res.json().path("appointments").get(0))).containsExactlyElementsOf(DETAIL);
		// newest date first unless asked
		assertThat(ids(res)).containsExactly(second.path("id").asString());
		assertThat(ids(http.get(BASE + "?page=2&limit=1").token(given.token(patientA)).send()))
			.containsExactly(first.path("id").asString());

		// the doctor sees their own, all of them
		assertThat(ids(http.get(BASE).token(given.token(doctor)).send())).containsExactlyInAnyOrder(
				first.path("id").asString(), second.path("id").asString(), other.path("id").asString());
		// another doctor sees none of them
		assertThat(ids(http.get(BASE).token(given.token(given.doctor())).send())).isEmpty();
		// the doctorId filter is within the caller's own
		assertThat(ids(http.get(BASE + "?doctorId=" + doctor.accountId()).token(given.token(given.patient())).send()))
			.isEmpty();
	}

	@Test
	void theListFiltersAndSortsInTheDoctorsCalendar() {
		var doctor = given.doctor();
		var patient = given.patient();
		String token = given.token(patient);
		LocalDate monday = weekday(DayOfWeek.MONDAY);
		var early = given.book(token, body(doctor, monday, "15:00:00", "15:30:00", "video"));
		var late = given.book(token, body(doctor, monday.plusDays(1), "09:00:00", "09:30:00", "home"));
		var later = given.book(token, body(doctor, monday.plusDays(2), "12:00:00", "12:30:00", "chat"));
		String e = early.path("id").asString();
		String l = late.path("id").asString();
		String r = later.path("id").asString();
		String mine = BASE + "?doctorId=" + doctor.accountId();

		assertThat(ids(http.get(mine + "&sortBy=date&sortOrder=asc").token(token).send())).containsExactly(e, l, r);
		assertThat(ids(http.get(mine + "&sortBy=date&sortOrder=desc").token(token).send())).containsExactly(r, l, e);
		assertThat(ids(http.get(mine + "&sortBy=created_at&sortOrder=asc").token(token).send())).containsExactly(e, l,
				r);
		assertThat(ids(http.get(mine + "&sortBy=start_time&sortOrder=asc").token(token).send())).containsExactly(l, r,
				e);
		assertThat(ids(http.get(mine + "&consultationType=home").token(token).send())).containsExactly(l);
		assertThat(ids(http.get(mine + "&startDate=" + monday.plusDays(1)).token(token).send())).containsExactly(r, l);
		assertThat(ids(http.get(mine + "&endDate=" + monday.plusDays(1)).token(token).send())).containsExactly(l, e);
		assertThat(ids(http.get(mine + "&startDate=" + monday + "&endDate=" + monday).token(token).send()))
			.containsExactly(e);
		assertThat(ids(http.get(mine + "&status=pending_payment").token(token).send())).containsExactly(r, l, e);
		assertThat(ids(http.get(mine + "&status=confirmed").token(token).send())).isEmpty();

		assertInvalid(http.get(mine + "&startDate=next-monday").token(token).send(), "startDate");
		assertInvalid(http.get(mine + "&startDate=" + monday + "&endDate=" + monday.minusDays(1)).token(token).send(),
				"endDate");
		assertInvalid(http.get(mine + "&status=lost").token(token).send(), "status");
		assertInvalid(http.get(mine + "&consultationType=teleport").token(token).send(), "consultation_type");
		assertInvalid(http.get(mine + "&sortBy=price").token(token).send(), "sort_by");
		assertInvalid(http.get(mine + "&sortOrder=up").token(token).send(), "sort_order");
		assertInvalid(http.get(mine + "&limit=101").token(token).send(), "limit");
	}

	@Test
	void theUserIdFilterIsForAdminAndSecretaryOnly() {
		var doctor = given.doctor();
		var patientA = given.patient();
		var booked = given.book(patientA, doctor, weekday(DayOfWeek.WEDNESDAY), "09:00:00", "09:30:00");
		given.book(given.patient(), doctor, weekday(DayOfWeek.WEDNESDAY), "10:00:00", "10:30:00");
		String byUser = "?userId=" + given.accountOf(patientA);

		assertError(http.get(BASE + byUser).token(given.token(patientA)).send(), 403);
		assertError(http.get(BASE + byUser).token(given.token(doctor)).send(), 403);
		assertThat(ids(http.get(BASE + byUser).token(given.adminToken()).send()))
			.containsExactly(booked.path("id").asString());
		assertThat(ids(http.get(BASE + "/all" + byUser).token(given.secretaryToken()).send()))
			.containsExactly(booked.path("id").asString());
	}

	@Test
	void allIsForAdminAndSecretary() {
		var doctor = given.doctor();
		var patient = given.patient();
		var booked = given.book(patient, doctor, weekday(DayOfWeek.THURSDAY), "09:00:00", "09:30:00");

		var res = http.get(BASE + "/all?doctorId=" + doctor.accountId()).token(given.adminToken()).send();
		assertThat(ids(res)).containsExactly(booked.path("id").asString());
		assertThat(keys(res.json())).containsExactly("appointments", "pagination");
		assertThat(keys(res.json().path("appointments").get(0))).containsExactlyElementsOf(DETAIL);

		assertError(http.get(BASE + "/all").token(given.token(patient)).send(), 403);
		assertError(http.get(BASE + "/all").token(given.token(doctor)).send(), 403);
		assertInvalid(http.get(BASE + "/all?status=lost").token(given.adminToken()).send(), "status");
	}

	// PUT /appointments/:id

	@Test
	void staffMoveTheTimeAndItIsCheckedAgainstHoursAndOverlaps() {
		var doctor = given.doctor();
		LocalDate day = weekday(DayOfWeek.MONDAY);
		var booked = given.book(given.patient(), doctor, day, "09:00:00", "09:30:00");
		given.book(given.patient(), doctor, day, "11:00:00", "12:00:00");
		String path = BASE + "/" + booked.path("id").asString();
		String admin = given.adminToken();

		var moved = http.put(path, Map.of("start_time", "14:00:00", "end_time", "14:45:00", "symptoms", List.of("cough"),
				"additional_note", "moved", "consultation_type", "chat")).token(admin).send();

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(keys(moved.json())).containsExactly("appointment", "message");
		JsonNode a = moved.json().path("appointment");
		assertThat(keys(a)).containsExactlyElementsOf(ITEM);
		assertThat(a.path("date").asString()).isEqualTo(day.toString());
		assertThat(a.path("start_time").asString()).isEqualTo("14:00:00");
		assertThat(a.path("end_time").asString()).isEqualTo("14:45:00");
		assertThat(a.path("symptoms").get(0).asString()).isEqualTo("cough");
		assertThat(a.path("additional_note").asString()).isEqualTo("moved");
		assertThat(a.path("consultation_type").asString()).isEqualTo("chat");
		// the old time is free again
		given.book(given.patient(), doctor, day, "09:00:00", "09:30:00");

		assertError(http.put(path, Map.of("start_time", "11:30:00", "end_time", "12:15:00")).token(admin).send(), 409);
		assertError(http.put(path, Map.of("start_time", "18:00:00", "end_time", "18:30:00")).token(admin).send(), 409);
		assertError(http.put(path, Map.of("date", day.plusDays(5).toString())).token(admin).send(), 409);
		assertInvalid(http.put(path, Map.of("date", "someday")).token(admin).send(), "date");
		assertInvalid(http.put(path, Map.of("end_time", "13:00:00")).token(admin).send(), "end_time");
		assertInvalid(http.put(path, Map.of("status", "lost")).token(admin).send(), "status");
		assertInvalid(http.put(path, Map.of("status", "payment_completed")).token(admin).send(), "status");
		assertInvalid(http.put(path, Map.of("consultation_type", "teleport")).token(admin).send(), "consultation_type");
		assertError(http.put(BASE + "/" + UUID.randomUUID(), Map.of("status", "confirmed")).token(admin).send(), 404);
	}

	@Test
	void staffConfirmBeforePaymentAndTheDoctorStartsAndCompletes() {
		var doctor = given.doctor();
		var patient = given.patient();
		var booked = given.book(patient, doctor, weekday(DayOfWeek.TUESDAY), "09:00:00", "09:30:00");
		String path = BASE + "/" + booked.path("id").asString();

		// the patient may not confirm or start it, the doctor may not confirm it
		assertError(http.put(path, Map.of("status", "confirmed")).token(given.token(patient)).send(), 403);
		assertError(http.put(path, Map.of("status", "in_progress")).token(given.token(patient)).send(), 403);
		assertError(http.put(path, Map.of("status", "confirmed")).token(given.token(doctor)).send(), 403);
		assertError(http.put(path, Map.of("additional_note", "mine")).token(given.token(doctor)).send(), 403);

		assertThat(status(http.put(path, Map.of("status", "confirmed")).token(given.secretaryToken()).send()))
			.isEqualTo("confirmed");
		assertThat(status(http.put(path, Map.of("status", "in_progress")).token(given.token(doctor)).send()))
			.isEqualTo("in_progress");
		// a visit in progress still holds its time
		assertError(http.post(BASE, body(doctor, weekday(DayOfWeek.TUESDAY), "09:00:00", "09:30:00", "video"))
			.token(given.token(given.patient())).send(), 409);
		// and it is too late for the patient to cancel it
		assertError(http.put(path, Map.of("status", "cancelled")).token(given.token(patient)).send(), 409);
		assertThat(status(http.put(path, Map.of("status", "completed")).token(given.token(doctor)).send()))
			.isEqualTo("completed");
		assertThat(ids(http.get(BASE + "?status=completed").token(given.token(patient)).send()))
			.containsExactly(booked.path("id").asString());
		// another doctor reaches nothing of it
		assertError(http.put(path, Map.of("status", "completed")).token(given.token(given.doctor())).send(), 403);
	}

	@Test
	void aPatientCancelsTheirOwnAndNobodyElses() {
		var doctor = given.doctor();
		var patient = given.patient();
		LocalDate day = weekday(DayOfWeek.WEDNESDAY);
		var booked = given.book(patient, doctor, day, "09:00:00", "09:30:00");
		String path = BASE + "/" + booked.path("id").asString();

		assertError(http.put(path, Map.of("status", "cancelled")).token(given.token(given.patient())).send(), 403);
		assertError(http.put(path, Map.of("start_time", "10:00:00", "end_time", "10:30:00"))
			.token(given.token(patient)).send(), 403);
		assertThat(status(http.put(path, Map.of("status", "cancelled")).token(given.token(patient)).send()))
			.isEqualTo("cancelled");
		assertThat(ids(http.get(BASE + "?status=cancelled").token(given.token(patient)).send()))
			.containsExactly(booked.path("id").asString());
		// the time is free again
		given.book(given.patient(), doctor, day, "09:00:00", "09:30:00");
	}

	// DELETE /appointments/:id

	@Test
	void deletingRemovesItEverywhereAndFreesTheTime() {
		var doctor = given.doctor();
		var patient = given.patient();
		LocalDate day = weekday(DayOfWeek.THURSDAY);
		var booked = given.book(patient, doctor, day, "09:00:00", "09:30:00");
		String path = BASE + "/" + booked.path("id").asString();

		assertError(http.delete(path).token(given.token(given.patient())).send(), 403);
		assertError(http.delete(path).token(given.token(given.doctor())).send(), 403);

		var res = http.delete(path).token(given.token(patient)).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message");

		String admin = given.adminToken();
		assertError(http.get(path).token(given.token(patient)).send(), 404);
		assertError(http.get(path).token(admin).send(), 404);
		assertError(http.put(path, Map.of("status", "confirmed")).token(admin).send(), 404);
		assertError(http.delete(path).token(admin).send(), 404);
		assertThat(ids(http.get(BASE).token(given.token(patient)).send())).isEmpty();
		assertThat(ids(http.get(BASE + "/all?doctorId=" + doctor.accountId()).token(admin).send())).isEmpty();
		assertThat(ids(http.get(BASE + "?status=cancelled").token(given.token(doctor)).send())).isEmpty();
		// the time is bookable again
		given.book(given.patient(), doctor, day, "09:00:00", "09:30:00");
	}

	@Test
	void staffDeleteAnyAppointment() {
		var doctor = given.doctor();
		var booked = given.book(given.patient(), doctor, weekday(DayOfWeek.FRIDAY), "09:00:00", "09:30:00");
		String path = BASE + "/" + booked.path("id").asString();

		assertThat(http.delete(path).token(given.secretaryToken()).send().status()).isEqualTo(200);
		assertError(http.get(path).token(given.adminToken()).send(), 404);
		assertError(http.delete(BASE + "/" + UUID.randomUUID()).token(given.adminToken()).send(), 404);
		assertError(http.delete(path).send(), 401);
	}

	private static String status(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		return res.json().path("appointment").path("status").asString();
	}

	static void assertError(Http.Res res, int status) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(keys(res.json())).containsExactly("details", "error", "status");
		assertThat(res.json().path("status").asInt()).isEqualTo(status);
	}

	static void assertInvalid(Http.Res res, String field) {
		assertError(res, 400);
		assertThat(res.json().path("details").asString()).as(res.toString()).contains(field);
	}
}
