package io.polyclinic.faces.mibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.SignIn;
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
import io.polyclinic.support.Phones;
import io.polyclinic.support.Statements.Counted;
import io.polyclinic.support.Statements;

/**
 * No Mibo appointment list runs more than six SQL statements, whatever its page size, and a booking no more than
 * twelve (one event publication per module that follows bookings: notify — its in-app notice to the other party —,
 * analytics, messaging…)
 * — counted over the whole request, the session check included, by the statement counter of the test support. Each
 * list is asked for a page of 5 and a page of 50 of the same 60 appointments, by the caller whose reach costs most.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiboStatementCountTests extends ApiTest {

	static final int LIST_LIMIT = 6;
	static final int BOOKING_LIMIT = 12;
	static final int APPOINTMENTS = 60;

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	SignIn signIn;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;
	@Autowired
	Availability availability;

	Centre centre;
	Clinician clinician;
	Patient patient;
	LocalDate monday;
	String centreManager;
	String patientToken;
	String clinicianToken;

	@BeforeAll
	void busyClinic() {
		http = new Http(port);
		var mibo = new MiboClient(http);
		centre = clinic.centre("Chennai");
		clinician = clinic.clinician(centre.id(), "Asia/Kolkata");
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.map(d -> new AvailabilityRule(d, LocalTime.of(8, 0), LocalTime.of(20, 0), true, null)).toList(),
				clinic.admin());
		patient = clinic.patient();
		monday = Clinic.nextWeekday(AppointmentFixture.KOLKATA, DayOfWeek.MONDAY);
		// sixty appointments of one patient with one clinician at one centre, over five days
		for (int i = 0; i < APPOINTMENTS; i++) {
			book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(),
					monday.plusDays(i / 12), LocalTime.of(8 + i % 12, 0), SessionType.ONLINE), clinic.admin());
		}
		String phone = Phones.newPhone();
		staff.hire(new NewStaffMember("Centre Manager " + phone, phone, null, null, AppointmentFixture.PASSWORD,
				Role.CENTRE_MANAGER, centre.id()), clinic.admin());
		centreManager = mibo.login(phone, AppointmentFixture.PASSWORD);
		patientToken = sessions.start(patient.userId()).tokens().accessToken();
		clinicianToken = mibo.login(clinician.phone(), AppointmentFixture.PASSWORD);
	}

	@Test
	void theStaffList() {
		for (int limit : List.of(5, 50)) {
			assertList(limit, "/mibo/api/appointments?limit=" + limit, centreManager);
			assertList(limit, "/mibo/api/appointments?clinicianId=" + clinician.id() + "&limit=" + limit, centreManager);
			assertList(limit, "/mibo/api/appointments?patientId=" + patient.id() + "&limit=" + limit, centreManager);
		}
		assertList(12, "/mibo/api/appointments?clinicianId=" + clinician.id() + "&date=" + monday, centreManager);
		assertList(0, "/mibo/api/appointments?clinicianId=" + clinician.id() + "&page=9", centreManager);
	}

	@Test
	void aCliniciansAgenda() {
		var agenda = counted(http.get("/mibo/api/appointments/my-appointments").token(clinicianToken));
		assertThat(agenda.result().data().path("upcoming").size()).isGreaterThanOrEqualTo(APPOINTMENTS);
		assertThat(agenda.count()).as(agenda.toString()).isLessThanOrEqualTo(LIST_LIMIT);
	}

	@Test
	void aPatientsOwnLists() {
		for (int limit : List.of(5, 50)) {
			assertList(limit, "/mibo/api/booking/my-appointments?limit=" + limit, patientToken);
			assertList(limit, "/mibo/api/patient/appointments?limit=" + limit, patientToken);
		}
	}

	@Test
	void aPatientsAppointmentsAsStaffAndAsTheirClinician() {
		for (int limit : List.of(5, 50)) {
			assertList(limit, "/mibo/api/patients/" + patient.id() + "/appointments?limit=" + limit, centreManager);
			assertList(limit, "/mibo/api/patients/" + patient.id() + "/appointments?limit=" + limit, clinicianToken);
		}
	}

	@Test
	void theDaysSlots() {
		var slots = counted(http.get("/mibo/api/booking/available-slots?clinicianId=" + clinician.id() + "&date="
				+ monday));
		assertThat(slots.result().data().path("availableSlots").size()).isEqualTo(12);
		assertThat(slots.count()).as(slots.toString()).isLessThanOrEqualTo(LIST_LIMIT);
		var free = counted(http.get("/mibo/api/appointments/availability?clinician_id=" + clinician.id() + "&date="
				+ monday.plusDays(5)).token(patientToken));
		assertThat(free.result().data().path("availableSlots").size()).isEqualTo(12);
		assertThat(free.count()).as(free.toString()).isLessThanOrEqualTo(LIST_LIMIT);
	}

	@Test
	void aPatientsBooking() {
		var booked = counted(http.post("/mibo/api/booking/create", Map.of("clinicianId", clinician.id(),
				"appointmentDate", monday.plusDays(6).toString(), "appointmentTime", "09:00:00", "sessionType", "ONLINE"))
			.token(patientToken));
		assertThat(booked.result().status()).as(booked.result().toString()).isEqualTo(201);
		assertThat(booked.count()).as(booked.toString()).isLessThanOrEqualTo(BOOKING_LIMIT);
	}

	@Test
	void aStaffBooking() {
		var booked = counted(http.post("/mibo/api/appointments", Map.of("patientId", patient.id(), "clinicianId",
				clinician.id(), "centreId", centre.id(), "appointmentDate", monday.plusDays(6).toString(),
				"appointmentTime", "10:00:00", "sessionType", "IN_PERSON", "consultationFee", 1200))
			.token(centreManager));
		assertThat(booked.result().status()).as(booked.result().toString()).isEqualTo(201);
		assertThat(booked.count()).as(booked.toString()).isLessThanOrEqualTo(BOOKING_LIMIT);
	}

	@Test
	void aFrontDeskBookingOfAKnownPatient() {
		String phone = Phones.newPhone();
		staff.hire(new NewStaffMember("Front Desk " + phone, phone, null, null, AppointmentFixture.PASSWORD,
				Role.FRONT_DESK, centre.id()), clinic.admin());
		String frontDesk = new MiboClient(http).login(phone, AppointmentFixture.PASSWORD);

		var booked = counted(http.post("/mibo/api/booking/front-desk", Map.of("patientPhone", patient.phone(),
				"clinicianId", clinician.id(), "centreId", centre.id(), "appointmentDate",
				monday.plusDays(6).toString(), "appointmentTime", "11:00:00", "sessionType", "IN_PERSON"))
			.token(frontDesk));
		assertThat(booked.result().status()).as(booked.result().toString()).isEqualTo(201);
		assertThat(booked.count()).as(booked.toString()).isLessThanOrEqualTo(BOOKING_LIMIT);
	}

	private void assertList(int expectedSize, String path, String token) {
		var list = counted(http.get(path).token(token));
		assertThat(list.result().status()).as(list.result().toString()).isEqualTo(200);
		assertThat(list.result().data().size()).as(path).isEqualTo(expectedSize);
		assertThat(list.count()).as(path + ": " + list).isLessThanOrEqualTo(LIST_LIMIT);
	}

	private static Counted<Http.Res> counted(Http.Call call) {
		var counted = Statements.count(call);
		System.out.println("STATEMENTS " + counted.count() + " " + counted.result().response().request().method() + " "
				+ counted.result().response().uri().getRawPath() + "?" + counted.result().response().uri().getRawQuery());
		return counted;
	}
}
