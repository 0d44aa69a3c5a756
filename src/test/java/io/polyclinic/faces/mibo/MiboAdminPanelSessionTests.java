package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertValidation;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/**
 * The admin panel's clinician dashboard and session calls: {@code GET /api/appointments/dashboard/stats},
 * {@code /dashboard/appointments}, {@code POST /api/appointments/{id}/end-session} and {@code /clinician-notes}.
 */
class MiboAdminPanelSessionTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;

	MiboClient mibo;
	AppointmentFixture given;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		given = new AppointmentFixture(clinic, staff, sessions, book, mibo);
	}

	@Test
	void theClinicianDashboardCountsAndListsTheRange() {
		var clinician = given.clinician();
		LocalDate monday = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		var first = given.book(given.patient(), clinician, monday, 10);
		var second = given.book(given.patient(), clinician, monday, 11);
		given.book(given.patient(), clinician, monday.plusDays(1), 9);
		book.cancel(second.id(), "Unwell", clinic.admin());
		// another clinician's appointment the same day is not this clinician's
		given.book(given.patient(), given.clinician(), monday, 10);
		String token = given.token(clinician);
		String range = "?startDate=" + monday + "&endDate=" + monday;

		var stats = http.get("/mibo/api/appointments/dashboard/stats" + range).token(token).send();
		assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
		assertThat(keys(stats.data())).containsExactly("cancelled", "completed", "confirmed", "noShow", "ongoing",
				"total", "waiting");
		assertThat(stats.data().path("total").asLong()).isEqualTo(2);
		assertThat(stats.data().path("waiting").asLong()).isEqualTo(1);
		assertThat(stats.data().path("cancelled").asLong()).isEqualTo(1);
		assertThat(stats.data().path("ongoing").asLong()).isZero();

		var list = http.get("/mibo/api/appointments/dashboard/appointments" + range).token(token).send();
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.data().size()).isEqualTo(2);
		assertThat(list.data().get(0).path("id").asLong()).isEqualTo(first.id());
		assertThat(list.data().get(0).path("patient_name").asString()).isNotBlank();
		assertThat(list.data().get(0).path("scheduled_start_at").asString()).isNotBlank();
		var cancelled = http.get("/mibo/api/appointments/dashboard/appointments" + range + "&status=CANCELLED")
			.token(token).send();
		assertThat(cancelled.data().size()).isEqualTo(1);
		assertThat(cancelled.data().get(0).path("id").asLong()).isEqualTo(second.id());

		assertValidation(http.get("/mibo/api/appointments/dashboard/stats?startDate=" + monday + "&endDate="
				+ monday.minusDays(1)).token(token).send(), "endDate", "Must not be before startDate");
		assertValidation(http.get("/mibo/api/appointments/dashboard/stats?startDate=monday&endDate=" + monday)
			.token(token).send(), "startDate", "Must be a date as YYYY-MM-DD");
		assertForbidden(http.get("/mibo/api/appointments/dashboard/stats" + range)
			.token(given.token(given.patient())).send());
	}

	@Test
	void theClinicianEndsTheSessionAndWritesItsNotes() {
		var clinician = given.clinician();
		var patient = given.patient();
		var appointment = given.book(patient, clinician, AppointmentFixture.weekday(DayOfWeek.MONDAY), 10);
		String token = given.token(clinician);

		var noted = http.post("/mibo/api/appointments/" + appointment.id() + "/clinician-notes",
				Map.of("session_notes", "Discussed sleep.")).token(token).send();
		assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
		assertThat(keys(noted.data())).containsExactly("appointmentId", "authorName", "createdAt", "id", "note",
				"patientId", "session_notes");
		assertThat(noted.data().path("session_notes").asString()).isEqualTo("Discussed sleep.");
		assertThat(noted.data().path("patientId").asLong()).isEqualTo(patient.id());
		assertValidation(http.post("/mibo/api/appointments/" + appointment.id() + "/clinician-notes",
				Map.of("session_notes", " ")).token(token).send(), "session_notes", "Session notes are required");

		var ended = http.post("/mibo/api/appointments/" + appointment.id() + "/end-session", Map.of()).token(token)
			.send();
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.data().path("status").asString()).isEqualTo("COMPLETED");
		assertThat(book.require(appointment.id()).status()).isEqualTo(AppointmentStatus.COMPLETED);

		// another clinician reaches neither; a patient may not end a visit; the front desk writes no notes
		var other = given.token(given.clinician());
		var second = given.book(patient, clinician, AppointmentFixture.weekday(DayOfWeek.TUESDAY), 10);
		assertThat(http.post("/mibo/api/appointments/" + second.id() + "/end-session", Map.of()).token(other).send()
			.status()).isIn(403, 404);
		assertForbidden(http.post("/mibo/api/appointments/" + second.id() + "/end-session", Map.of())
			.token(given.token(patient)).send());
		assertForbidden(http.post("/mibo/api/appointments/" + second.id() + "/clinician-notes",
				Map.of("bogus", 1)).token(given.staffToken(Role.FRONT_DESK)).send());
	}

	@Test
	void theSessionModalShowsTheNotesOfEarlierSessions() {
		var clinician = given.clinician();
		var patient = given.patient();
		var first = given.book(patient, clinician, AppointmentFixture.weekday(DayOfWeek.MONDAY), 10);
		var second = given.book(patient, clinician, AppointmentFixture.weekday(DayOfWeek.TUESDAY), 10);
		String token = given.token(clinician);
		assertThat(http.post("/mibo/api/appointments/" + first.id() + "/clinician-notes",
				Map.of("session_notes", "First session.")).token(token).send().status()).isEqualTo(200);
		assertThat(http.post("/mibo/api/appointments/" + second.id() + "/clinician-notes",
				Map.of("session_notes", "Second session.")).token(token).send().status()).isEqualTo(200);

		var res = http.get("/mibo/api/appointments/" + second.id() + "/previous-notes?patientId=" + patient.id())
			.token(token).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().size()).isEqualTo(1);
		var note = res.data().get(0);
		assertThat(keys(note)).containsExactly("appointmentId", "appointment_id", "authorName", "createdAt", "id",
				"note", "scheduled_start_at", "session_notes");
		assertThat(note.path("session_notes").asString()).isEqualTo("First session.");
		assertThat(note.path("appointment_id").asLong()).isEqualTo(first.id());
		assertThat(note.path("scheduled_start_at").asString()).isEqualTo(first.startsAt().toString());

		assertValidation(http.get("/mibo/api/appointments/" + second.id() + "/previous-notes?patientId="
				+ (patient.id() + 1)).token(token).send(), "patientId", "Not this appointment's patient");
		assertForbidden(http.get("/mibo/api/appointments/" + second.id() + "/previous-notes")
			.token(given.staffToken(Role.FRONT_DESK)).send());
		assertThat(http.get("/mibo/api/appointments/" + second.id() + "/previous-notes")
			.token(given.token(given.clinician())).send().status()).isIn(403, 404);
	}
}
