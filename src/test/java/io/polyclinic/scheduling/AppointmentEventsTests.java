package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static io.polyclinic.scheduling.AppointmentBookTests.onGrid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;

/** What the appointment book tells the other modules: each step of an appointment publishes its past-tense event. */
class AppointmentEventsTests extends SchedulingModuleTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	JdbcClient jdbc;

	Centre centre;
	Clinician clinician;
	Patient patient;
	LocalDate day;

	@BeforeEach
	void clinic() {
		centre = clinic.centre("Kochi");
		clinician = clinic.clinician(centre.id(), KOLKATA.getId());
		patient = clinic.patient();
		day = Clinic.nextWeekday(KOLKATA, DayOfWeek.TUESDAY);
	}

	@Test
	void bookingPublishesAppointmentBookedWithTheCentresAndTheFee(Scenario scenario) {
		var request = AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(), day,
				LocalTime.of(9, 0), SessionType.IN_PERSON);

		scenario.stimulate(() -> book.book(request, clinic.admin()))
			.andWaitForEventOfType(AppointmentBooked.class)
			.matching(e -> e.clinicianId() == clinician.id())
			.toArriveAndVerify((event, booked) -> {
				assertThat(event.appointmentId()).isEqualTo(booked.appointment().id());
				assertThat(event.patientId()).isEqualTo(patient.id());
				assertThat(event.startsAt()).isEqualTo(booked.appointment().startsAt());
				assertThat(event.centreId()).isEqualTo(centre.id());
				assertThat(event.managingCentreId()).isEqualTo(centre.id());
				assertThat(event.feeMinor()).isEqualTo(150_000L);
				assertThat(event.currency()).isEqualTo("INR");
			});
	}

	@Test
	void confirmingPublishesAppointmentConfirmedOnce(Scenario scenario) {
		var appointment = booked(10);

		scenario.stimulate(() -> book.confirm(Ref.id(appointment.id()), Actor.system()))
			.andWaitForEventOfType(AppointmentConfirmed.class)
			.matching(e -> e.appointmentId() == appointment.id())
			.toArriveAndVerify(e -> assertThat(e.startsAt()).isEqualTo(appointment.startsAt()));
	}

	@Test
	void cancellingPublishesAppointmentCancelledWithTheReason(Scenario scenario) {
		var appointment = booked(11);

		scenario.stimulate(() -> book.cancel(Ref.id(appointment.id()), "Unwell", clinic.admin()))
			.andWaitForEventOfType(AppointmentCancelled.class)
			.matching(e -> e.appointmentId() == appointment.id())
			.toArriveAndVerify(e -> {
				assertThat(e.reason()).isEqualTo("Unwell");
				assertThat(e.managingCentreId()).isEqualTo(centre.id());
			});
	}

	@Test
	void reschedulingPublishesAppointmentRescheduledWithBothStarts(Scenario scenario) {
		var appointment = booked(12);

		scenario.stimulate(() -> book.change(Ref.id(appointment.id()),
				new AppointmentChanges(day.plusDays(1), LocalTime.of(14, 0), null, null), clinic.admin()))
			.andWaitForEventOfType(AppointmentRescheduled.class)
			.matching(e -> e.appointmentId() == appointment.id())
			.toArriveAndVerify((e, moved) -> {
				assertThat(e.previousStart()).isEqualTo(appointment.startsAt());
				assertThat(e.startsAt()).isEqualTo(moved.startsAt());
				assertThat(moved.date()).isEqualTo(day.plusDays(1));
			});
	}

	@Test
	void completingPublishesAppointmentCompleted(Scenario scenario) {
		var appointment = booked(13);
		Actor doctor = clinic.actorOf(clinician.userId(), Role.CLINICIAN);

		scenario.stimulate(() -> book.complete(Ref.id(appointment.id()), doctor))
			.andWaitForEventOfType(AppointmentCompleted.class)
			.matching(e -> e.appointmentId() == appointment.id())
			.toArriveAndVerify(e -> assertThat(e.patientId()).isEqualTo(patient.id()));
	}

	@Test
	void aMissedVisitPublishesAppointmentMissed(Scenario scenario) {
		var appointment = booked(14);
		// the book refuses the past, so the visit is moved an hour back in the table itself
		Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		jdbc.sql("UPDATE appointments SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(start.atOffset(ZoneOffset.UTC), start.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC),
					appointment.id())
			.update();
		Actor doctor = clinic.actorOf(clinician.userId(), Role.CLINICIAN);

		scenario.stimulate(() -> book.markNoShow(Ref.id(appointment.id()), doctor))
			.andWaitForEventOfType(AppointmentMissed.class)
			.matching(e -> e.appointmentId() == appointment.id())
			.toArriveAndVerify(e -> assertThat(e.startsAt()).isEqualTo(start));
	}

	private Appointment booked(int hour) {
		return book.book(onGrid(patient, clinician, day, hour), clinic.admin()).appointment();
	}
}
