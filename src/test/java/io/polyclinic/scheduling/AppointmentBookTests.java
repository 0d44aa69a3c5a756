package io.polyclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.Refusal;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

class AppointmentBookTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	Availability availability;

	@Test
	void slotsFollowTheClinicianHoursOnTheirOwnClock() {
		var centre = clinic.centre("Bangalore");
		var clinician = clinic.clinician(centre.id(), "America/New_York");
		LocalDate monday = Clinic.nextWeekday(ZoneId.of("America/New_York"), DayOfWeek.MONDAY);

		var slots = availability.slots(clinician.id(), null, monday);

		assertThat(slots).extracting(Slot::time).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0),
				LocalTime.of(11, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(15, 0),
				LocalTime.of(16, 0));
		assertThat(slots.get(0).startsAt()).isEqualTo(monday.atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant());
		assertThat(availability.slots(clinician.id(), null, monday.plusDays(5))).isEmpty();
	}

	@Test
	void bookingHoldsTheSlotAndCancellingFreesIt() {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.TUESDAY);

		var appointment = book.book(new BookingRequest(patient.id(), clinician.id(), null, day, LocalTime.of(10, 0),
				SessionType.ONLINE, null, null), clinic.admin());

		assertThat(appointment.status()).isEqualTo(AppointmentStatus.PENDING);
		assertThat(appointment.feeMinor()).isEqualTo(150_000L);
		assertThat(availability.slots(clinician.id(), null, day)).filteredOn(s -> s.time().equals(LocalTime.of(10, 0)))
			.singleElement().extracting(Slot::available).isEqualTo(false);

		book.cancel(appointment.id(), "Patient requested", clinic.admin());

		assertThat(availability.slots(clinician.id(), null, day)).filteredOn(s -> s.time().equals(LocalTime.of(10, 0)))
			.singleElement().extracting(Slot::available).isEqualTo(true);
		var again = book.book(new BookingRequest(patient.id(), clinician.id(), null, day, LocalTime.of(10, 0),
				SessionType.ONLINE, null, null), clinic.admin());
		assertThat(again.id()).isNotEqualTo(appointment.id());
	}

	@Test
	void refusesPastTimesOffGridTimesAndTakenSlots() {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.WEDNESDAY);
		Actor admin = clinic.admin();

		assertThatThrownBy(() -> book.book(new BookingRequest(patient.id(), clinician.id(), null,
				LocalDate.now().minusDays(3), LocalTime.of(10, 0), SessionType.ONLINE, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
		assertThatThrownBy(() -> book.book(new BookingRequest(patient.id(), clinician.id(), null, day,
				LocalTime.of(10, 17), SessionType.ONLINE, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
		assertThatThrownBy(() -> book.book(new BookingRequest(patient.id(), clinician.id(), null, day,
				LocalTime.of(20, 0), SessionType.ONLINE, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("SLOT_UNAVAILABLE"));

		book.book(new BookingRequest(patient.id(), clinician.id(), null, day, LocalTime.of(11, 0), SessionType.ONLINE,
				null, null), admin);
		var other = clinic.patient();
		assertThatThrownBy(() -> book.book(new BookingRequest(other.id(), clinician.id(), null, day,
				LocalTime.of(11, 0), SessionType.IN_PERSON, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.code()).isEqualTo("SLOT_UNAVAILABLE");
				assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
			});
	}

	@Test
	void ofManyConcurrentBookingsOfOneSlotExactlyOneWins() throws Exception {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		LocalDate day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.THURSDAY);
		Actor admin = clinic.admin();
		int contenders = 12;
		var patients = new ArrayList<Long>();
		for (int i = 0; i < contenders; i++) {
			patients.add(clinic.patient().id());
		}
		var start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (long patientId : patients) {
				Callable<String> attempt = () -> {
					start.await();
					try {
						book.book(new BookingRequest(patientId, clinician.id(), null, day, LocalTime.of(14, 0),
								SessionType.ONLINE, null, null), admin);
						return "BOOKED";
					}
					catch (Refusal e) {
						return e.code();
					}
				};
				results.add(pool.submit(attempt));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (var result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).filteredOn("BOOKED"::equals).hasSize(1);
			assertThat(outcomes).filteredOn("SLOT_UNAVAILABLE"::equals).hasSize(contenders - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aPatientSeesOnlyTheirOwnAppointments() {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var owner = clinic.patient();
		var stranger = clinic.patient();
		LocalDate day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.FRIDAY);
		var appointment = book.book(new BookingRequest(owner.id(), clinician.id(), null, day, LocalTime.of(9, 0),
				SessionType.ONLINE, null, null), clinic.admin());

		assertThat(book.get(appointment.id(), clinic.actorOf(owner.userId(), Role.PATIENT)).id())
			.isEqualTo(appointment.id());
		assertThatThrownBy(() -> book.get(appointment.id(), clinic.actorOf(stranger.userId(), Role.PATIENT)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> book.cancel(appointment.id(), "mine now", clinic.actorOf(stranger.userId(), Role.PATIENT)))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void statusStepsAreGuardedByTheAppointment() {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY);
		var appointment = book.book(new BookingRequest(patient.id(), clinician.id(), null, day, LocalTime.of(15, 0),
				SessionType.IN_PERSON, null, null), clinic.admin());

		assertThatThrownBy(() -> book.change(appointment.id(),
				new AppointmentChanges(null, null, AppointmentStatus.COMPLETED, null), clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.code()).isEqualTo("INVALID_STATUS_TRANSITION"));
		assertThat(book.confirm(appointment.id()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
		var moved = book.change(appointment.id(), new AppointmentChanges(day.plusDays(1), LocalTime.of(16, 0), null, null),
				clinic.admin());
		assertThat(moved.date()).isEqualTo(day.plusDays(1));
		assertThat(moved.time()).isEqualTo(LocalTime.of(16, 0));
		assertThat(availability.slots(clinician.id(), null, day)).filteredOn(s -> s.time().equals(LocalTime.of(15, 0)))
			.singleElement().extracting(Slot::available).isEqualTo(true);
		book.cancel(appointment.id(), null, clinic.admin());
		assertThat(book.confirm(appointment.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
	}
}
