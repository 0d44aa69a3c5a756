package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.scheduling.SlotId;

/**
 * Races for one slot over hcp: of many patients posting the same {@code slot_id} at once exactly one books it and
 * the others get the slot's validation error; and an hcp booking racing another face's booking of the same time
 * (the front desk booking the grid slot) — the database decides, one wins.
 */
class HcpBookingRaceTests extends HcpApiTest {

	static final int CONTENDERS = 8;

	@Autowired
	AppointmentBook book;

	@Test
	void ofManyPatientsPostingOneSlotIdAtOnceExactlyOneBooksIt() throws Exception {
		var doctor = people.doctor();
		long slot = HcpAppointmentTests.slot(doctor, 11);
		List<HcpPeople.Person> patients = new ArrayList<>();
		for (int i = 0; i < CONTENDERS; i++) {
			patients.add(people.patient());
		}

		List<Integer> statuses = race(patients.stream().<Callable<Integer>>map(p -> () -> http
			.post(API + "/appointments/", HcpAppointmentTests.booking(slot, "video")).token(p.token()).send()
			.status()).toList());

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 400).hasSize(CONTENDERS - 1);
		var admin = people.admin();
		assertThat(page(http.get(API + "/appointments/?doctor=" + doctor.doctorId()).token(admin.token()).send())
			.path("count").asLong()).isEqualTo(1);
	}

	@Test
	void anHcpBookingRacingAnotherFacesBookingOfTheSameTimeLetsExactlyOneWin() throws Exception {
		for (int round = 0; round < 3; round++) {
			var doctor = people.doctor();
			SlotId slot = SlotId.of(HcpAppointmentTests.slot(doctor, 9 + round));
			var patient = people.patient();
			var other = clinic.patient();
			var day = slot.startsAt().atZone(HcpAppointmentTests.KOLKATA).toLocalDate();
			LocalTime time = slot.startsAt().atZone(HcpAppointmentTests.KOLKATA).toLocalTime();

			List<Integer> outcomes = race(List.of(
					() -> http.post(API + "/appointments/", HcpAppointmentTests.booking(slot.value(), "video"))
						.token(patient.token()).send().status(),
					() -> {
						try {
							book.book(AppointmentRequest.onGrid(Ref.id(other.id()), Ref.id(doctor.doctorId()), null, day,
									time, SessionType.IN_PERSON), clinic.admin());
							return 201;
						}
						catch (Refusal e) {
							assertThat(e.code()).isEqualTo("SLOT_UNAVAILABLE");
							return 400;
						}
					}));

			assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(201, 400);
		}
	}

	private static List<Integer> race(List<Callable<Integer>> attempts) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> futures = new ArrayList<>();
			for (Callable<Integer> attempt : attempts) {
				futures.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			List<Integer> outcomes = new ArrayList<>();
			for (Future<Integer> f : futures) {
				outcomes.add(f.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
