package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import io.polyclinic.video.MeetingLinks;
import tools.jackson.databind.JsonNode;

/** Staff and clinicians on {@code /api/appointments}, and a patient's appointments on {@code /api/patients/{id}}. */
class MiboAppointmentTests extends ApiTest {

	static final List<String> ROW = List.of("appointmentDate", "appointmentTime", "appointment_type", "centreId",
			"centreName", "centre_id", "centre_name", "clinicianId", "clinicianName", "clinician_id", "clinician_name",
			"consultationFee", "created_at", "duration_minutes", "id", "notes", "patientId", "patientName",
			"patient_id", "patient_name", "patient_phone", "paymentStatus", "scheduledStartAt", "scheduled_end_at",
			"scheduled_start_at", "sessionType", "status");
	static final List<String> DETAIL = List.of("appointmentDate", "appointmentTime", "centreId", "centreName",
			"clinicianId", "clinicianName", "consultationFee", "id", "meetLink", "notes", "patientId", "patientName",
			"patientPhone", "paymentStatus", "sessionType", "status");

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;
	@Autowired
	Availability availability;
	@Autowired
	MeetingLinks meetings;
	@Autowired
	JdbcClient jdbc;

	AppointmentFixture given;

	@BeforeEach
	void setUp() {
		given = new AppointmentFixture(clinic, staff, sessions, book, new MiboClient(http));
	}

	// GET /api/appointments

	@Test
	void theStaffListShowsEachAppointmentWithNamesInTheDocumentedShape() {
		var centre = clinic.centre("Bangalore");
		var clinician = clinic.clinician(centre.id(), "Asia/Kolkata");
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		var appointment = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), centre.id(), new AppointmentRequest.GridSlot(day, LocalTime.of(10, 0)),
				SessionType.IN_PERSON, null, "First"), clinic.admin()).appointment();
		book.confirm(Ref.id(appointment.id()), clinic.admin());

		String token = given.staffToken(Role.CARE_COORDINATOR);

		var res = http.get("/mibo/api/appointments?clinicianId=" + clinician.id() + "&date=" + day).token(token).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("data", "success");
		assertThat(res.data().size()).isEqualTo(1);
		JsonNode row = res.data().get(0);
		assertThat(keys(row)).containsExactlyElementsOf(ROW);
		assertThat(row.path("id").asLong()).isEqualTo(appointment.id());
		assertThat(row.path("patientId").asLong()).isEqualTo(patient.id());
		assertThat(row.path("patientName").asString()).isEqualTo(patient.fullName());
		assertThat(row.path("clinicianName").asString()).isEqualTo(clinician.fullName());
		assertThat(row.path("centreId").asLong()).isEqualTo(centre.id());
		assertThat(row.path("centreName").asString()).isEqualTo("Mibo Bangalore");
		assertThat(row.path("appointmentDate").asString()).isEqualTo(day.toString());
		assertThat(row.path("appointmentTime").asString()).isEqualTo("10:00:00");
		assertThat(row.path("sessionType").asString()).isEqualTo("IN_PERSON");
		assertThat(row.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(row.path("consultationFee").isIntegralNumber()).isTrue();
		assertThat(row.path("consultationFee").asLong()).isEqualTo(1500);
		// confirmed by staff, but nothing paid yet
		assertThat(row.path("paymentStatus").asString()).isEqualTo("PENDING");
		assertThat(listsAudited(token)).isEqualTo(1);
	}

	@Test
	void theStaffListFiltersAndPagesInTheQuery() {
		var clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.TUESDAY);
		var first = given.book(given.patient(), clinician, day, 9);
		var second = given.book(given.patient(), clinician, day, 11);
		var other = given.book(given.patient(), clinician, day.plusDays(1), 9);
		book.cancel(other.id(), null, clinic.admin());
		String token = given.staffToken(Role.FRONT_DESK);
		String base = "/mibo/api/appointments?clinicianId=" + clinician.id();

		assertThat(ids(http.get(base).token(token).send())).containsExactly(other.id(), second.id(), first.id());
		assertThat(ids(http.get(base + "&date=" + day).token(token).send())).containsExactly(second.id(), first.id());
		assertThat(ids(http.get(base + "&status=CANCELLED").token(token).send())).containsExactly(other.id());
		assertThat(ids(http.get(base + "&patientId=" + first.patientId()).token(token).send()))
			.containsExactly(first.id());
		assertThat(ids(http.get(base + "&page=2&limit=1").token(token).send())).containsExactly(second.id());
		assertThat(ids(http.get(base + "&page=4&limit=1").token(token).send())).isEmpty();
	}

	@Test
	void theStaffListRefusesABadDateOrStatusNamingTheParameter() {
		String token = given.staffToken(Role.MANAGER);

		var badDate = http.get("/mibo/api/appointments?date=15-03-2024").token(token).send();
		var badStatus = http.get("/mibo/api/appointments?status=DONE").token(token).send();
		var badLimit = http.get("/mibo/api/appointments?limit=1000").token(token).send();

		assertValidation(badDate, "date");
		assertThat(badDate.json().path("error").path("details").path("date").asString())
			.isEqualTo("Must be a date as YYYY-MM-DD");
		assertValidation(badStatus, "status");
		assertThat(badStatus.json().path("error").path("details").path("status").asString())
			.isEqualTo("Status must be one of PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW");
		assertValidation(badLimit, "limit");
	}

	@Test
	void theStaffListIsForStaffOnly() {
		var clinician = given.clinician();
		var patient = given.patient();

		assertForbidden(http.get("/mibo/api/appointments").token(given.token(clinician)).send());
		assertForbidden(http.get("/mibo/api/appointments").token(given.token(patient)).send());
		assertThat(http.get("/mibo/api/appointments").send().status()).isEqualTo(401);
	}

	// GET /api/appointments/my-appointments

	@Test
	void aClinicianSeesTheirDayAsTheirOwnClockDividesIt() {
		ZoneId auckland = ZoneId.of("Pacific/Auckland");
		var clinician = clinic.clinician(null, auckland.getId());
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.map(d -> new AvailabilityRule(d, LocalTime.of(8, 0), LocalTime.of(20, 0), true, null)).toList(),
				clinic.admin());
		LocalDate tomorrow = LocalDate.now(auckland).plusDays(1);
		var patient = given.patient();
		var upcoming = given.book(patient, clinician, tomorrow, 9);
		var past = given.book(patient, clinician, tomorrow, 10);
		// the book refuses a past time, so the test moves a booking three days back in the table itself
		var pastStart = tomorrow.minusDays(4).atTime(10, 0).atZone(auckland);
		jdbc.sql("""
				UPDATE appointments SET starts_at = ?, ends_at = ?, slot_hold = ?, local_date = ?, local_time = ?
				WHERE id = ?""")
			.params(pastStart.toOffsetDateTime(), pastStart.plusHours(1).toOffsetDateTime(),
					pastStart.toOffsetDateTime(), pastStart.toLocalDate(), pastStart.toLocalTime(), past.id())
			.update();

		String token = given.token(clinician);

		var res = http.get("/mibo/api/appointments/my-appointments").token(token).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("current", "past", "upcoming");
		assertThat(res.data().path("current").isArray()).isTrue();
		JsonNode next = single(res.data().path("upcoming"));
		assertThat(keys(next)).containsExactly("appointmentDate", "appointmentTime", "id", "patientName",
				"sessionType", "status");
		assertThat(next.path("id").asLong()).isEqualTo(upcoming.id());
		assertThat(next.path("patientName").asString()).isEqualTo(patient.fullName());
		// 09:00 in Auckland is the evening before in UTC: the contract's fields are on the clinician's clock
		assertThat(upcoming.startsAt().atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(tomorrow.minusDays(1));
		assertThat(next.path("appointmentDate").asString()).isEqualTo(tomorrow.toString());
		assertThat(next.path("appointmentTime").asString()).isEqualTo("09:00:00");
		JsonNode before = single(res.data().path("past"));
		assertThat(before.path("id").asLong()).isEqualTo(past.id());
		assertThat(before.path("appointmentDate").asString()).isEqualTo(tomorrow.minusDays(4).toString());
		assertThat(before.path("appointmentTime").asString()).isEqualTo("10:00:00");
		assertThat(listsAudited(token)).isEqualTo(1);
	}

	@Test
	void myAppointmentsIsForCliniciansOnly() {
		assertForbidden(http.get("/mibo/api/appointments/my-appointments").token(given.staffToken(Role.ADMIN)).send());
		assertForbidden(http.get("/mibo/api/appointments/my-appointments").token(given.token(given.patient())).send());
	}

	// GET /api/appointments/{id}

	@Test
	void oneAppointmentInFullWithTheMeetingLink() {
		var clinician = given.clinician();
		var patient = given.patient();
		var appointment = given.book(patient, clinician, AppointmentFixture.weekday(DayOfWeek.WEDNESDAY), 15);
		var link = meetings.ensure(io.polyclinic.platform.Ref.id(appointment.id()), "Consultation",
				io.polyclinic.platform.Actor.system());

		var res = http.get("/mibo/api/appointments/" + appointment.id()).token(given.staffToken(Role.FRONT_DESK)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactlyElementsOf(DETAIL);
		assertThat(res.data().path("patientPhone").asString()).isEqualTo(patient.phone());
		assertThat(res.data().path("clinicianName").asString()).isEqualTo(clinician.fullName());
		assertThat(res.data().path("centreId").isNull()).isTrue();
		assertThat(res.data().path("centreName").isNull()).isTrue();
		assertThat(res.data().path("appointmentTime").asString()).isEqualTo("15:00:00");
		assertThat(res.data().path("status").asString()).isEqualTo("PENDING");
		assertThat(res.data().path("paymentStatus").asString()).isEqualTo("PENDING");
		assertThat(res.data().path("meetLink").asString()).isEqualTo(link.url());
		assertThat(res.data().path("notes").isNull()).isTrue();
	}

	@Test
	void aClinicianOpensTheirOwnAppointmentButNotAnotherClinicians() {
		var mine = given.clinician();
		var theirs = given.clinician();
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.THURSDAY);
		var own = given.book(patient, mine, day, 9);
		var foreign = given.book(patient, theirs, day, 9);
		String token = given.token(mine);

		var ok = http.get("/mibo/api/appointments/" + own.id()).token(token).send();
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		assertThat(ok.data().path("meetLink").isNull()).isTrue();
		assertForbidden(http.get("/mibo/api/appointments/" + foreign.id()).token(token).send());
	}

	@Test
	void anUnknownAppointmentIsNotFoundAndABadIdIsAValidationError() {
		String token = given.staffToken(Role.ADMIN);

		var missing = http.get("/mibo/api/appointments/987654321").token(token).send();
		var bad = http.get("/mibo/api/appointments/abc").token(token).send();

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(missing.json().path("error").path("message").asString()).isEqualTo("Appointment not found");
		assertValidation(bad, "id");
	}

	// POST /api/appointments

	@Test
	void staffCreateAnAppointmentWithTheirFee() {
		var clinician = given.clinician();
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.MONDAY);

		var res = http.post("/mibo/api/appointments", Map.of("patientId", patient.id(), "clinicianId", clinician.id(),
				"appointmentDate", day.toString(), "appointmentTime", "14:00:00", "sessionType", "ONLINE",
				"consultationFee", 1200, "notes", "First consultation"))
			.token(given.staffToken(Role.FRONT_DESK)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.json().path("message").asString()).isEqualTo("Appointment created successfully");
		assertThat(keys(res.data())).containsExactly("appointmentDate", "appointmentTime", "id", "paymentLink",
				"status");
		assertThat(res.data().path("appointmentDate").asString()).isEqualTo(day.toString());
		assertThat(res.data().path("appointmentTime").asString()).isEqualTo("14:00:00");
		assertThat(res.data().path("status").asString()).isEqualTo("PENDING");
		// a fee means a payment link, sent to the patient over WhatsApp
		assertThat(res.data().path("paymentLink").asString()).contains("/pay/plink_");
		var created = book.require(res.data().path("id").asLong());
		assertThat(created.feeMinor()).isEqualTo(120_000L);
		assertThat(created.notes()).isEqualTo("First consultation");
	}

	@Test
	void creatingWithoutRequiredFieldsNamesEachOne() {
		var res = http.post("/mibo/api/appointments", Map.of("notes", "x")).token(given.staffToken(Role.ADMIN)).send();

		assertValidation(res, "patientId");
		assertThat(res.json().path("error").path("details").path("patientId").asString()).isEqualTo("Patient is required");
		assertThat(keys(res.json().path("error").path("details"))).containsExactly("appointmentDate", "appointmentTime",
				"clinicianId", "patientId", "sessionType");
	}

	@Test
	void creatingRefusesBadDatesOffGridAndPastTimesAndTakenSlots() {
		var clinician = given.clinician();
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.FRIDAY);
		String token = given.staffToken(Role.CENTRE_MANAGER);
		Map<String, Object> request = new HashMap<>(Map.of("patientId", patient.id(), "clinicianId", clinician.id(),
				"appointmentDate", day.toString(), "appointmentTime", "10:00:00", "sessionType", "ONLINE"));

		assertValidation(post(token, request, "appointmentDate", "2024/03/15"), "appointmentDate");
		assertValidation(post(token, request, "appointmentTime", "10am"), "appointmentTime");
		assertValidation(post(token, request, "sessionType", "VIDEO"), "sessionType");
		assertValidation(post(token, request, "appointmentTime", "10:30:00"), "appointmentTime");
		assertValidation(post(token, request, "appointmentDate", LocalDate.now().minusDays(2).toString()),
				"appointmentTime");
		assertThat(post(token, request, "appointmentTime", "10:00:00").status()).isEqualTo(201);
		var taken = http.post("/mibo/api/appointments", request).token(token).send();
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().path("error").path("code").asString()).isEqualTo("SLOT_UNAVAILABLE");
	}

	@Test
	void cliniciansAndPatientsCannotCreateThroughTheStaffEndpoint() {
		var clinician = given.clinician();
		var patient = given.patient();
		Map<String, Object> request = Map.of("patientId", patient.id(), "clinicianId", clinician.id(),
				"appointmentDate", AppointmentFixture.weekday(DayOfWeek.MONDAY).toString(), "appointmentTime",
				"09:00:00", "sessionType", "ONLINE");

		assertForbidden(http.post("/mibo/api/appointments", request).token(given.token(clinician)).send());
		assertForbidden(http.post("/mibo/api/appointments", request).token(given.token(patient)).send());
	}

	// PUT /api/appointments/{id}

	@Test
	void staffRescheduleAndConfirmAndAnswerTheAppointment() {
		var clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.TUESDAY);
		var appointment = given.book(given.patient(), clinician, day, 9);

		var res = http.put("/mibo/api/appointments/" + appointment.id(), Map.of("appointmentDate",
				day.plusDays(1).toString(), "appointmentTime", "14:00:00", "status", "CONFIRMED", "notes", "Moved"))
			.token(given.staffToken(Role.CARE_COORDINATOR)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("Appointment updated successfully");
		assertThat(keys(res.data())).containsExactlyElementsOf(DETAIL);
		assertThat(res.data().path("appointmentDate").asString()).isEqualTo(day.plusDays(1).toString());
		assertThat(res.data().path("appointmentTime").asString()).isEqualTo("14:00:00");
		assertThat(res.data().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(res.data().path("paymentStatus").asString()).isEqualTo("PENDING");
		assertThat(res.data().path("notes").asString()).isEqualTo("Moved");
		assertThat(availability.slots(clinician.id(), null, day)).filteredOn(s -> s.time().equals(LocalTime.of(9, 0)))
			.singleElement().satisfies(s -> assertThat(s.available()).isTrue());
	}

	@Test
	void updatingRefusesAnUnknownStatusAndABadTime() {
		var appointment = given.book(given.patient(), given.clinician(), AppointmentFixture.weekday(DayOfWeek.MONDAY), 9);
		String token = given.staffToken(Role.MANAGER);

		var status = http.put("/mibo/api/appointments/" + appointment.id(), Map.of("status", "FINISHED")).token(token)
			.send();
		var time = http.put("/mibo/api/appointments/" + appointment.id(), Map.of("appointmentTime", "25:00")).token(token)
			.send();
		var step = http.put("/mibo/api/appointments/" + appointment.id(), Map.of("status", "COMPLETED")).token(token)
			.send();

		assertValidation(status, "status");
		assertValidation(time, "appointmentTime");
		// issue 6 item 7: a visit may be completed whatever the clock says and straight from pending
		assertThat(step.status()).as(step.toString()).isEqualTo(200);
		assertThat(step.data().path("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void frontDeskAndCliniciansCannotUpdate() {
		var clinician = given.clinician();
		var appointment = given.book(given.patient(), clinician, AppointmentFixture.weekday(DayOfWeek.MONDAY), 10);

		assertForbidden(http.put("/mibo/api/appointments/" + appointment.id(), Map.of("notes", "x"))
			.token(given.staffToken(Role.FRONT_DESK)).send());
		assertForbidden(http.put("/mibo/api/appointments/" + appointment.id(), Map.of("notes", "x"))
			.token(given.token(clinician)).send());
	}

	// DELETE /api/appointments/{id}

	@Test
	void staffCancelWithAReason() {
		var appointment = given.book(given.patient(), given.clinician(), AppointmentFixture.weekday(DayOfWeek.WEDNESDAY),
				11);

		var res = http.delete("/mibo/api/appointments/" + appointment.id(),
				Map.of("reason", "Patient requested cancellation")).token(given.staffToken(Role.FRONT_DESK)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("Appointment cancelled successfully");
		assertThat(keys(res.data())).containsExactly("id", "status");
		assertThat(res.data().path("id").asLong()).isEqualTo(appointment.id());
		assertThat(res.data().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(book.require(appointment.id()).cancellationReason()).isEqualTo("Patient requested cancellation");
	}

	@Test
	void cancellingRefusesAnOverlongReasonAndCliniciansAndTwice() {
		var clinician = given.clinician();
		var appointment = given.book(given.patient(), clinician, AppointmentFixture.weekday(DayOfWeek.THURSDAY), 12);
		String token = given.staffToken(Role.ADMIN);

		assertValidation(http.delete("/mibo/api/appointments/" + appointment.id(), Map.of("reason", "x".repeat(501)))
			.token(token).send(), "reason");
		assertForbidden(http.delete("/mibo/api/appointments/" + appointment.id()).token(given.token(clinician)).send());
		assertThat(http.delete("/mibo/api/appointments/" + appointment.id()).token(token).send().status())
			.isEqualTo(200);
		var again = http.delete("/mibo/api/appointments/" + appointment.id()).token(token).send();
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("error").path("code").asString()).isEqualTo("INVALID_STATUS_TRANSITION");
	}

	// GET /api/patients/{id}/appointments

	@Test
	void aPatientsAppointmentsForStaffAndTheirClinician() {
		var clinician = given.clinician();
		var patient = given.patient();
		var appointment = given.book(patient, clinician, AppointmentFixture.weekday(DayOfWeek.FRIDAY), 13);

		var staffView = http.get("/mibo/api/patients/" + patient.id() + "/appointments")
			.token(given.staffToken(Role.FRONT_DESK)).send();
		var clinicianView = http.get("/mibo/api/patients/" + patient.id() + "/appointments")
			.token(given.token(clinician)).send();

		assertThat(staffView.status()).as(staffView.toString()).isEqualTo(200);
		JsonNode item = single(staffView.data());
		assertThat(keys(item)).containsExactly("appointmentDate", "appointmentTime", "clinicianName", "id",
				"sessionType", "status");
		assertThat(item.path("id").asLong()).isEqualTo(appointment.id());
		assertThat(item.path("clinicianName").asString()).isEqualTo(clinician.fullName());
		assertThat(item.path("appointmentTime").asString()).isEqualTo("13:00:00");
		assertThat(clinicianView.status()).as(clinicianView.toString()).isEqualTo(200);
		assertThat(single(clinicianView.data()).path("id").asLong()).isEqualTo(appointment.id());
	}

	@Test
	void aClinicianWhoDoesNotCareForThePatientAndPatientsAreRefused() {
		var patient = given.patient();
		given.book(patient, given.clinician(), AppointmentFixture.weekday(DayOfWeek.FRIDAY), 14);

		assertForbidden(http.get("/mibo/api/patients/" + patient.id() + "/appointments")
			.token(given.token(given.clinician())).send());
		assertForbidden(http.get("/mibo/api/patients/" + patient.id() + "/appointments").token(given.token(patient))
			.send());
		assertValidation(http.get("/mibo/api/patients/" + patient.id() + "/appointments?page=0")
			.token(given.staffToken(Role.ADMIN)).send(), "page");
		assertThat(http.get("/mibo/api/patients/987654321/appointments").token(given.staffToken(Role.ADMIN)).send()
			.status()).isEqualTo(404);
	}

	// issue 6 item 11: a centre manager of one centre reaches nothing of another centre's appointments

	@Test
	void aCentreManagerOfAnotherCentreIsRefusedItsAppointmentsBookingsAndHours() {
		var home = clinic.centre("Hubli");
		var other = clinic.centre("Belagavi");
		var clinician = clinic.clinician(home.id(), "Asia/Kolkata");
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.WEDNESDAY);
		var appointment = given.book(patient, clinician, day, 9);
		String outsider = given.staffToken(Role.CENTRE_MANAGER, other.id());
		String insider = given.staffToken(Role.CENTRE_MANAGER, home.id());
		String path = "/mibo/api/appointments/" + appointment.id();

		assertForbidden(http.get(path).token(outsider).send());
		assertForbidden(http.put(path, Map.of("notes", "mine now")).token(outsider).send());
		assertForbidden(http.delete(path).token(outsider).send());
		assertForbidden(http.post("/mibo/api/appointments", Map.of("patientId", patient.id(), "clinicianId",
				clinician.id(), "centreId", home.id(), "appointmentDate", day.toString(), "appointmentTime", "10:00:00",
				"sessionType", "IN_PERSON")).token(outsider).send());
		assertForbidden(http.get("/mibo/api/patients/" + patient.id() + "/appointments").token(outsider).send());
		assertForbidden(http.put("/mibo/api/clinicians/" + clinician.id() + "/availability",
				Map.of("availabilityRules", List.of())).token(outsider).send());
		assertThat(ids(http.get("/mibo/api/appointments?clinicianId=" + clinician.id()).token(outsider).send()))
			.isEmpty();
		assertThat(ids(http.get("/mibo/api/appointments?clinicianId=" + clinician.id()).token(insider).send()))
			.containsExactly(appointment.id());
		assertThat(http.get(path).token(insider).send().status()).isEqualTo(200);
		assertThat(book.require(appointment.id()).notes()).isNull();
	}

	/** How many lists of appointments the audit trail holds for the caller of the token. */
	private long listsAudited(String token) {
		long userId = http.get("/mibo/api/auth/me").token(token).send().data().path("id").asLong();
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND action = 'LIST'"
				+ " AND resource_type = 'APPOINTMENT'").param(userId).query(Long.class).single();
	}

	private Http.Res post(String token, Map<String, Object> request, String field, Object value) {
		var changed = new HashMap<>(request);
		changed.put(field, value);
		return http.post("/mibo/api/appointments", changed).token(token).send();
	}

	static List<Long> ids(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		var ids = new ArrayList<Long>();
		res.data().forEach(n -> ids.add(n.path("id").asLong()));
		return ids;
	}

	static JsonNode single(JsonNode array) {
		assertThat(array.isArray()).isTrue();
		assertThat(array.size()).as(array.toString()).isEqualTo(1);
		return array.get(0);
	}

	static void assertValidation(Http.Res res, String field) {
		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(keys(res.json().path("error").path("details"))).as(res.toString()).contains(field);
	}

	static void assertForbidden(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(403);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
	}
}
