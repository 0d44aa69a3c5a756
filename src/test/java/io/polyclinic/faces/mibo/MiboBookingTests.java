package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAppointmentTests.DETAIL;
import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertValidation;
import static io.polyclinic.faces.mibo.MiboAppointmentTests.single;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

/** The patient's booking flow ({@code /api/booking}, {@code /api/patient/appointments}) and the front desk's. */
class MiboBookingTests extends ApiTest {

	static final List<String> VISIT = List.of("appointmentDate", "appointmentTime", "centreName", "clinicianName", "id",
			"meetLink", "paymentStatus", "sessionType", "status");

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	AppointmentFixture given;

	@BeforeEach
	void setUp() {
		given = new AppointmentFixture(clinic, staff, sessions, book, new MiboClient(http));
	}

	// POST /api/booking/create

	@Test
	void aPatientBooksForThemselvesAtTheCliniciansFee() {
		var clinician = given.clinician();
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.MONDAY);

		// the request's fee is ignored: a patient pays the clinician's ₹1500
		var res = http.post("/mibo/api/booking/create", request(clinician, day, "10:00:00", 1))
			.token(given.token(patient)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.json().path("message").asString()).isEqualTo("Appointment created successfully");
		assertThat(keys(res.data())).containsExactly("amount", "appointmentId", "paymentOrderId");
		assertThat(res.data().path("amount").isIntegralNumber()).isTrue();
		assertThat(res.data().path("amount").asLong()).isEqualTo(1500);
		assertThat(res.data().path("paymentOrderId").asString()).startsWith("order_");
		var booked = book.require(res.data().path("appointmentId").asLong());
		assertThat(booked.patientId()).isEqualTo(patient.id());
		assertThat(booked.feeMinor()).isEqualTo(150_000L);
		assertThat(booked.status()).isEqualTo(AppointmentStatus.PENDING);
	}

	@Test
	void bookingWithoutRequiredFieldsOrWithABadDateNamesTheField() {
		String token = given.token(given.patient());
		var clinician = given.clinician();

		var empty = http.post("/mibo/api/booking/create", Map.of()).token(token).send();
		var badDate = http.post("/mibo/api/booking/create", request(clinician, null, "10:00:00", null)).token(token)
			.send();

		assertValidation(empty, "clinicianId");
		assertThat(keys(empty.json().path("error").path("details"))).containsExactly("appointmentDate",
				"appointmentTime", "clinicianId", "sessionType");
		assertValidation(badDate, "appointmentDate");
	}

	@Test
	void onlyPatientsBookThroughTheBookingFlow() {
		var clinician = given.clinician();
		var res = http.post("/mibo/api/booking/create",
				request(clinician, AppointmentFixture.weekday(DayOfWeek.MONDAY), "11:00:00", null))
			.token(given.staffToken(Role.FRONT_DESK)).send();

		assertForbidden(res);
	}

	@Test
	void ofManyPatientsBookingOneSlotAtOnceExactlyOneGetsIt() throws Exception {
		var clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.THURSDAY);
		int contenders = 12;
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			tokens.add(given.token(given.patient()));
		}
		var request = request(clinician, day, "14:00:00", null);
		var start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		List<Http.Res> outcomes = new ArrayList<>();
		try {
			List<Future<Http.Res>> results = new ArrayList<>();
			for (String token : tokens) {
				results.add(pool.submit(() -> {
					start.await();
					return http.post("/mibo/api/booking/create", request).token(token).send();
				}));
			}
			start.countDown();
			for (var result : results) {
				outcomes.add(result.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(outcomes).filteredOn(r -> r.status() == 201).hasSize(1);
		var refused = outcomes.stream().filter(r -> r.status() != 201).toList();
		assertThat(refused).hasSize(contenders - 1).allSatisfy(r -> {
			assertThat(r.status()).as(r.toString()).isEqualTo(409);
			assertThat(keys(r.json())).containsExactly("error", "success");
			assertThat(r.json().path("success").asBoolean()).isFalse();
			assertThat(keys(r.json().path("error"))).containsExactly("code", "message");
			assertThat(r.json().path("error").path("code").asString()).isEqualTo("SLOT_UNAVAILABLE");
		});
	}

	// GET /api/booking/my-appointments and GET /api/patient/appointments

	@Test
	void aPatientListsOnlyTheirOwnAppointments() {
		var centre = clinic.centre("Mumbai");
		var clinician = clinic.clinician(centre.id(), "Asia/Kolkata");
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.TUESDAY);
		String token = given.token(patient);
		var created = http.post("/mibo/api/booking/create", Map.of("clinicianId", clinician.id(), "centreId",
				centre.id(), "appointmentDate", day.toString(), "appointmentTime", "09:00:00", "sessionType", "ONLINE"))
			.token(token).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		given.book(given.patient(), clinician, day, 10);

		for (String path : List.of("/mibo/api/booking/my-appointments", "/mibo/api/patient/appointments")) {
			var res = http.get(path).token(token).send();

			assertThat(res.status()).as(res.toString()).isEqualTo(200);
			JsonNode visit = single(res.data());
			assertThat(keys(visit)).containsExactlyElementsOf(VISIT);
			assertThat(visit.path("id").asLong()).isEqualTo(created.data().path("appointmentId").asLong());
			assertThat(visit.path("clinicianName").asString()).isEqualTo(clinician.fullName());
			assertThat(visit.path("centreName").asString()).isEqualTo("Mibo Mumbai");
			assertThat(visit.path("appointmentDate").asString()).isEqualTo(day.toString());
			assertThat(visit.path("appointmentTime").asString()).isEqualTo("09:00:00");
			assertThat(visit.path("sessionType").asString()).isEqualTo("ONLINE");
			assertThat(visit.path("status").asString()).isEqualTo("PENDING");
			assertThat(visit.path("paymentStatus").asString()).isEqualTo("PENDING");
			assertThat(visit.path("meetLink").isNull()).isTrue();
		}
	}

	@Test
	void theOwnListsArePatientOnlyAndValidateTheirPage() {
		String staffToken = given.staffToken(Role.ADMIN);
		String patientToken = given.token(given.patient());

		assertForbidden(http.get("/mibo/api/booking/my-appointments").token(staffToken).send());
		assertForbidden(http.get("/mibo/api/patient/appointments").token(staffToken).send());
		assertValidation(http.get("/mibo/api/booking/my-appointments?limit=0").token(patientToken).send(), "limit");
		assertValidation(http.get("/mibo/api/patient/appointments?page=x").token(patientToken).send(), "page");
	}

	// GET /api/booking/{id} and POST /api/booking/{id}/cancel, POST /api/patient/appointments/{id}/cancel

	@Test
	void aPatientOpensTheirOwnAppointmentInFull() {
		var patient = given.patient();
		var appointment = given.book(patient, given.clinician(), AppointmentFixture.weekday(DayOfWeek.WEDNESDAY), 16);

		var res = http.get("/mibo/api/booking/" + appointment.id()).token(given.token(patient)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactlyElementsOf(DETAIL);
		assertThat(res.data().path("id").asLong()).isEqualTo(appointment.id());
		assertThat(res.data().path("patientPhone").asString()).isEqualTo(patient.phone());
		assertThat(http.get("/mibo/api/booking/987654321").token(given.token(patient)).send().status()).isEqualTo(404);
	}

	@Test
	void aPatientCannotReadOrCancelAnotherPatientsAppointment() {
		var owner = given.patient();
		var appointment = given.book(owner, given.clinician(), AppointmentFixture.weekday(DayOfWeek.FRIDAY), 9);
		String stranger = given.token(given.patient());

		assertForbidden(http.get("/mibo/api/booking/" + appointment.id()).token(stranger).send());
		assertForbidden(http.get("/mibo/api/appointments/" + appointment.id()).token(stranger).send());
		assertForbidden(http.post("/mibo/api/booking/" + appointment.id() + "/cancel", Map.of("reason", "mine now"))
			.token(stranger).send());
		assertForbidden(http.post("/mibo/api/patient/appointments/" + appointment.id() + "/cancel", Map.of())
			.token(stranger).send());
		assertThat(book.require(appointment.id()).status()).isEqualTo(AppointmentStatus.PENDING);
	}

	@Test
	void cancellingFreesTheSlotForTheNextPatient() {
		var clinician = given.clinician();
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		var appointment = given.book(patient, clinician, day, 12);
		String slots = "/mibo/api/booking/available-slots?clinicianId=" + clinician.id() + "&date=" + day;
		assertThat(noon(http.get(slots).send()).path("available").asBoolean()).isFalse();

		var res = http.post("/mibo/api/booking/" + appointment.id() + "/cancel", Map.of("reason", "Unable to attend"))
			.token(given.token(patient)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("Appointment cancelled successfully");
		assertThat(keys(res.data())).containsExactly("id", "status");
		assertThat(res.data().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(noon(http.get(slots).send()).path("available").asBoolean()).isTrue();
		var again = http.post("/mibo/api/booking/create", request(clinician, day, "12:00:00", null))
			.token(given.token(given.patient())).send();
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
	}

	@Test
	void theDashboardCancelsWithTheContractsMessage() {
		var patient = given.patient();
		var appointment = given.book(patient, given.clinician(), AppointmentFixture.weekday(DayOfWeek.TUESDAY), 15);
		String token = given.token(patient);

		var tooLong = http.post("/mibo/api/patient/appointments/" + appointment.id() + "/cancel",
				Map.of("reason", "x".repeat(501))).token(token).send();
		var res = http.post("/mibo/api/patient/appointments/" + appointment.id() + "/cancel",
				Map.of("reason", "Unable to attend due to personal reasons")).token(token).send();

		assertValidation(tooLong, "reason");
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "success");
		assertThat(res.json().path("message").asString()).isEqualTo("Appointment cancellation requested");
		assertThat(book.require(appointment.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
	}

	@Test
	void staffCancelThroughTheStaffEndpointNotThePatientFlow() {
		var appointment = given.book(given.patient(), given.clinician(), AppointmentFixture.weekday(DayOfWeek.TUESDAY),
				16);

		assertForbidden(http.post("/mibo/api/booking/" + appointment.id() + "/cancel", Map.of())
			.token(given.staffToken(Role.FRONT_DESK)).send());
		assertValidation(http.post("/mibo/api/booking/" + appointment.id() + "/cancel", Map.of("reason", "x".repeat(501)))
			.token(given.token(given.patient())).send(), "reason");
	}

	// GET /api/booking/available-slots

	@Test
	void theDaysSlotsArePublicWithTheirAvailability() {
		var clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.WEDNESDAY);
		given.book(given.patient(), clinician, day, 10);

		var res = http.get("/mibo/api/booking/available-slots?clinicianId=" + clinician.id() + "&date=" + day).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("availableSlots", "date", "slots");
		assertThat(res.data().path("date").asString()).isEqualTo(day.toString());
		JsonNode slots = res.data().path("availableSlots");
		assertThat(slots.size()).isEqualTo(8);
		assertThat(keys(slots.get(0))).containsExactly("available", "time");
		assertThat(slots.get(0).path("time").asString()).isEqualTo("09:00:00");
		assertThat(slots.get(0).path("available").asBoolean()).isTrue();
		assertThat(slots.get(1).path("time").asString()).isEqualTo("10:00:00");
		assertThat(slots.get(1).path("available").asBoolean()).isFalse();
	}

	@Test
	void theDaysSlotsNeedAClinicianAndADate() {
		var clinician = given.clinician();

		assertValidation(http.get("/mibo/api/booking/available-slots?clinicianId=" + clinician.id()).send(), "date");
		assertValidation(http.get("/mibo/api/booking/available-slots?clinicianId=" + clinician.id() + "&date=tomorrow")
			.send(), "date");
		assertValidation(http.get("/mibo/api/booking/available-slots?date=2030-01-01").send(), "clinicianId");
		assertThat(http.get("/mibo/api/booking/available-slots?clinicianId=987654321&date=2030-01-01").send().status())
			.isEqualTo(404);
	}

	// POST /api/booking/front-desk

	@Test
	void theFrontDeskFindsAKnownPatientByPhoneWithoutTheCountryCode() {
		var clinician = given.clinician();
		var patient = given.patient();
		String national = patient.phone().substring(3);
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.THURSDAY);

		var res = http.post("/mibo/api/booking/front-desk", frontDesk(national, null, clinician, day, "11:00:00"))
			.token(given.staffToken(Role.FRONT_DESK)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(keys(res.data())).containsExactly("appointment", "appointmentDate", "appointmentId", "appointmentTime",
				"isNewPatient", "patient", "patientId", "status");
		assertThat(res.data().path("isNewPatient").asBoolean()).isFalse();
		assertThat(res.data().path("patientId").asLong()).isEqualTo(patient.id());
		assertThat(res.data().path("appointmentDate").asString()).isEqualTo(day.toString());
		assertThat(res.data().path("appointmentTime").asString()).isEqualTo("11:00:00");
		assertThat(res.data().path("status").asString()).isEqualTo("PENDING");
		var booked = book.require(res.data().path("appointmentId").asLong());
		assertThat(booked.patientId()).isEqualTo(patient.id());
		assertThat(booked.sessionType().name()).isEqualTo("IN_PERSON");
	}

	@Test
	void theFrontDeskRegistersANewPhoneAsAWalkIn() {
		var clinician = given.clinician();
		String phone = MiboClient.newPhone();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.FRIDAY);

		var res = http.post("/mibo/api/booking/front-desk", frontDesk(phone, "Jane Smith", clinician, day, "09:00:00"))
			.token(given.staffToken(Role.MANAGER)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.data().path("isNewPatient").asBoolean()).isTrue();
		var registered = patients.get(res.data().path("patientId").asLong(), clinic.admin());
		assertThat(registered.fullName()).isEqualTo("Jane Smith");
		assertThat(registered.phone()).isEqualTo(phone);
		assertThat(registered.leadSource()).isEqualTo(LeadSource.WALK_IN);
	}

	@Test
	void aRefusedFrontDeskBookingRegistersNobody() {
		var clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.FRIDAY);
		given.book(given.patient(), clinician, day, 10);
		String phone = MiboClient.newPhone();
		String token = given.staffToken(Role.FRONT_DESK);

		var taken = http.post("/mibo/api/booking/front-desk", frontDesk(phone, "Late Comer", clinician, day, "10:00:00"))
			.token(token).send();
		var nameless = http.post("/mibo/api/booking/front-desk", frontDesk(phone, null, clinician, day, "11:00:00"))
			.token(token).send();

		assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
		assertThat(taken.json().path("error").path("code").asString()).isEqualTo("SLOT_UNAVAILABLE");
		// the new patient's registration rolled back with the refused slot, so the name is needed again
		assertValidation(nameless, "patientName");
	}

	@Test
	void frontDeskBookingValidatesAndIsForTheFrontDeskAdminsAndManagers() {
		var clinician = given.clinician();
		var request = frontDesk(MiboClient.newPhone(), "Someone", clinician,
				AppointmentFixture.weekday(DayOfWeek.MONDAY), "09:00:00");
		var noPhone = new HashMap<>(request);
		noPhone.remove("patientPhone");

		assertValidation(http.post("/mibo/api/booking/front-desk", noPhone).token(given.staffToken(Role.FRONT_DESK))
			.send(), "patientPhone");
		assertForbidden(http.post("/mibo/api/booking/front-desk", request).token(given.staffToken(Role.CARE_COORDINATOR))
			.send());
		assertForbidden(http.post("/mibo/api/booking/front-desk", request).token(given.token(clinician)).send());
		assertForbidden(http.post("/mibo/api/booking/front-desk", request).token(given.token(given.patient())).send());
	}

	private static Map<String, Object> request(Clinician clinician, LocalDate day, String time, Integer fee) {
		Map<String, Object> request = new HashMap<>();
		request.put("clinicianId", clinician.id());
		request.put("appointmentDate", day == null ? "15/03/2024" : day.toString());
		request.put("appointmentTime", time);
		request.put("sessionType", "ONLINE");
		if (fee != null) {
			request.put("consultationFee", fee);
		}
		return request;
	}

	private static Map<String, Object> frontDesk(String phone, String name, Clinician clinician, LocalDate day,
			String time) {
		Map<String, Object> request = new HashMap<>();
		request.put("patientPhone", phone);
		if (name != null) {
			request.put("patientName", name);
		}
		request.put("clinicianId", clinician.id());
		request.put("appointmentDate", day.toString());
		request.put("appointmentTime", time);
		request.put("sessionType", "IN_PERSON");
		return request;
	}

	private static JsonNode noon(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		for (JsonNode slot : res.data().path("availableSlots")) {
			if (slot.path("time").asString().equals("12:00:00")) {
				return slot;
			}
		}
		throw new AssertionError("no 12:00 slot in " + res);
	}
}
