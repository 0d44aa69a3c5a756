package io.polyclinic.faces.sos;

import static io.polyclinic.faces.sos.SosFixture.BASE;
import static io.polyclinic.faces.sos.SosFixture.body;
import static io.polyclinic.faces.sos.SosFixture.ids;
import static io.polyclinic.faces.sos.SosFixture.weekday;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * Across faces and callers, one doctor's time is held once: many patients asking for overlapping times at once get
 * one appointment between them (on H2 and PostgreSQL alike), a sos booking takes the Mibo slot it lies in, and a Mibo
 * booking refuses the sos time that overlaps it.
 */
class SosBookingRaceTests extends ApiTest {

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

	@Test
	void ofManyPatientsAskingForOneTimeAtOnceExactlyOneWins() throws Exception {
		var doctor = given.doctor();
		LocalDate day = weekday(DayOfWeek.MONDAY);
		int patients = 8;
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < patients; i++) {
			tokens.add(given.token(given.patient()));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(patients);
		try {
			List<Future<Http.Res>> answers = new ArrayList<>();
			for (int i = 0; i < patients; i++) {
				String token = tokens.get(i);
				// each asks for an overlapping half hour: the same start, or a quarter later
				String from = i % 2 == 0 ? "10:00:00" : "10:15:00";
				String to = i % 2 == 0 ? "10:30:00" : "10:45:00";
				answers.add(pool.submit(() -> {
					start.await();
					return http.post(BASE, body(doctor, day, from, to, "video")).token(token).send();
				}));
			}
			start.countDown();
			int created = 0;
			int conflicts = 0;
			for (Future<Http.Res> answer : answers) {
				Http.Res res = answer.get();
				if (res.status() == 201) {
					created++;
				}
				else {
					assertThat(res.status()).as(res.toString()).isEqualTo(409);
					assertThat(res.json().path("status").asInt()).isEqualTo(409);
					conflicts++;
				}
			}
			assertThat(created).isEqualTo(1);
			assertThat(conflicts).isEqualTo(patients - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ids(http.get(BASE + "/all?doctorId=" + doctor.accountId()).token(given.adminToken()).send()))
			.hasSize(1);
	}

	@Test
	void aSosBookingTakesTheMiboSlotItLiesIn() {
		var doctor = given.doctor();
		LocalDate day = weekday(DayOfWeek.TUESDAY);
		String slots = "/mibo/api/booking/available-slots?clinicianId=" + doctor.id() + "&date=" + day;
		assertThat(slot(http.get(slots).send(), "12:00:00").path("available").asBoolean()).isTrue();

		var booked = given.book(given.patient(), doctor, day, "12:15:00", "12:45:00");

		assertThat(slot(http.get(slots).send(), "12:00:00").path("available").asBoolean()).isFalse();
		assertThat(slot(http.get(slots).send(), "13:00:00").path("available").asBoolean()).isTrue();
		var mibo = http.post("/mibo/api/booking/create", Map.of("clinicianId", doctor.id(), "appointmentDate",
				day.toString(), "appointmentTime", "12:00:00", "sessionType", "ONLINE"))
			.token(given.token(given.patient())).send();
		assertThat(mibo.status()).as(mibo.toString()).isEqualTo(409);

		// deleting it in sos frees the slot in Mibo
		assertThat(http.delete(BASE + "/" + booked.path("id").asString()).token(given.adminToken()).send().status())
			.isEqualTo(200);
		assertThat(slot(http.get(slots).send(), "12:00:00").path("available").asBoolean()).isTrue();
	}

	@Test
	void aMiboBookingMakesTheSosTimeA409() {
		var doctor = given.doctor();
		LocalDate day = weekday(DayOfWeek.WEDNESDAY);
		var mibo = http.post("/mibo/api/booking/create", Map.of("clinicianId", doctor.id(), "appointmentDate",
				day.toString(), "appointmentTime", "14:00:00", "sessionType", "ONLINE"))
			.token(given.token(given.patient())).send();
		assertThat(mibo.status()).as(mibo.toString()).isEqualTo(201);

		var sos = http.post(BASE, body(doctor, day, "14:30:00", "15:15:00", "online")).token(given.token(given.patient()))
			.send();
		SosAppointmentTests.assertError(sos, 409);
		// the Mibo booking shows in sos, on the doctor's clock, as an online consultation
		var listed = http.get(BASE + "/all?doctorId=" + doctor.accountId()).token(given.adminToken()).send();
		assertThat(ids(listed)).hasSize(1);
		JsonNode a = listed.json().path("appointments").get(0);
		assertThat(a.path("date").asString()).isEqualTo(day.toString());
		assertThat(a.path("start_time").asString()).isEqualTo("14:00:00");
		assertThat(a.path("end_time").asString()).isEqualTo("15:00:00");
		assertThat(a.path("consultation_type").asString()).isEqualTo("online");
		given.book(given.patient(), doctor, day, "15:00:00", "15:30:00");
	}

	private static JsonNode slot(Http.Res res, String time) {
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		for (JsonNode slot : res.data().path("availableSlots")) {
			if (slot.path("time").asString().equals(time)) {
				return slot;
			}
		}
		throw new AssertionError("no " + time + " slot in " + res);
	}
}
