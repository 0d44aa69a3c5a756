package io.polyclinic.faces.diabcare;

import static io.polyclinic.faces.diabcare.DiabcareAppointmentTests.booking;
import static io.polyclinic.faces.diabcare.DiabcareAppointmentTests.nextHour;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.faces.diabcare.DiabcarePeople.Person;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;

/**
 * One doctor's time is held once, whatever the face: of many DiabCare bookings of one instant at once exactly one
 * wins (on H2 and PostgreSQL alike); a DiabCare booking of a Mibo clinician takes the Mibo slot it lies in, and a
 * Mibo booking makes the DiabCare time a 409.
 */
class DiabcareBookingRaceTests extends DiabcareApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Clinic clinic;

	@Test
	void ofManyPatientsBookingOneInstantAtOnceExactlyOneWins() throws Exception {
		Person doctor = people.medecin("Hedi", "Bouslama");
		Instant at = nextHour();
		int contenders = 8;
		List<Person> patients = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			patients.add(people.patient("Patient", "Number" + i));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		List<Http.Res> answers = new ArrayList<>();
		try {
			List<Future<Http.Res>> pending = new ArrayList<>();
			for (int i = 0; i < contenders; i++) {
				Person patient = patients.get(i);
				// the same instant, or a quarter of an hour later: every consultation overlaps every other
				Instant time = i % 2 == 0 ? at : at.plus(Duration.ofMinutes(15));
				pending.add(pool.submit(() -> {
					start.await();
					return http.post(API + "/appointments", booking(patient, doctor, time, "Online", null))
						.token(patient.token()).send();
				}));
			}
			start.countDown();
			for (Future<Http.Res> answer : pending) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(contenders - 1)
			.allSatisfy(r -> nestError(r, 409, "Conflict"));
		var listed = http.get(API + "/doctors/" + doctor.id() + "/appointments").token(doctor.token()).send();
		assertThat(listed.json().path("total").asLong()).isEqualTo(1);
	}

	@Test
	void aDiabcareBookingTakesTheMiboSlotItLiesIn() {
		Clinician mibo = clinic.clinician(null, KOLKATA.getId());
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.TUESDAY).plusWeeks(2);
		String slots = "/mibo/api/booking/available-slots?clinicianId=" + mibo.id() + "&date=" + day;
		assertThat(slot(http.get(slots).send(), "11:00:00")).isTrue();
		Person patient = people.patient("Sarra", "Amri");

		// a DiabCare booking a quarter past eleven, one consultation (an hour) long: the 11:00 and 12:00 slots
		Instant at = day.atTime(11, 15).atZone(KOLKATA).toInstant();
		var booked = http.post(API + "/appointments", booking(patient, person(mibo), at, "Online", null))
			.token(patient.token()).send();
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);

		assertThat(slot(http.get(slots).send(), "11:00:00")).isFalse();
		assertThat(slot(http.get(slots).send(), "12:00:00")).isFalse();
		assertThat(slot(http.get(slots).send(), "13:00:00")).isTrue();
		var onMibo = http.post("/mibo/api/booking/create", Map.of("clinicianId", mibo.id(), "appointmentDate",
				day.toString(), "appointmentTime", "12:00:00", "sessionType", "ONLINE"))
			.token(people.patient("Mibo", "Patient").token()).send();
		assertThat(onMibo.status()).as(onMibo.body()).isEqualTo(409);

		// removed in DiabCare, it frees the slots in Mibo
		assertThat(http.delete(API + "/appointments/" + booked.json().path("_id").asString()).token(patient.token())
			.send().status()).isEqualTo(200);
		assertThat(slot(http.get(slots).send(), "11:00:00")).isTrue();
	}

	@Test
	void aMiboBookingMakesTheDiabcareTimeA409() {
		Clinician mibo = clinic.clinician(null, KOLKATA.getId());
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY).plusWeeks(2);
		var onMibo = http.post("/mibo/api/booking/create", Map.of("clinicianId", mibo.id(), "appointmentDate",
				day.toString(), "appointmentTime", "14:00:00", "sessionType", "ONLINE"))
			.token(people.patient("Mibo", "Patient").token()).send();
		assertThat(onMibo.status()).as(onMibo.body()).isEqualTo(201);
		Person patient = people.patient("Hanen", "Jebali");

		nestError(http.post(API + "/appointments", booking(patient, person(mibo),
				day.atTime(14, 30).atZone(KOLKATA).toInstant(), "Online", null)).token(patient.token()).send(), 409,
				"Conflict");
		// an hour later the Mibo consultation is over
		assertThat(http.post(API + "/appointments", booking(patient, person(mibo),
				day.atTime(15, 0).atZone(KOLKATA).toInstant(), "Online", null)).token(patient.token()).send().status())
			.isEqualTo(201);
	}

	/** A Mibo clinician as the DiabCare face names a doctor: by their account's id. */
	private static Person person(Clinician clinician) {
		return new Person(clinician.accountId().toString(), "", "", null);
	}

	private static boolean slot(Http.Res res, String time) {
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		for (var slot : res.data().path("availableSlots")) {
			if (slot.path("time").asString().equals(time)) {
				return slot.path("available").asBoolean();
			}
		}
		throw new AssertionError("No slot at " + time + " in " + res.body());
	}
}
