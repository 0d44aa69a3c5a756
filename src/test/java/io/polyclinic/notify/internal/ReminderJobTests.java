package io.polyclinic.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.BookingRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.scheduling.Slot;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

class ReminderJobTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	Availability availability;
	@Autowired
	ReminderJob job;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aConfirmedAppointmentWithinADayIsRemindedOnce() {
		var clinician = clinic.clinician(null, "UTC");
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.map(d -> new AvailabilityRule(d, LocalTime.of(0, 0), LocalTime.of(23, 0), true, null))
			.toList(), clinic.admin());
		var patient = clinic.patient();
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(ZoneId.of("UTC"));
		Slot slot = java.util.stream.Stream.of(today, today.plusDays(1))
			.flatMap(d -> availability.slots(clinician.id(), null, d).stream())
			.filter(s -> s.available() && s.startsAt().isAfter(now.plus(1, ChronoUnit.HOURS))
					&& s.startsAt().isBefore(now.plus(23, ChronoUnit.HOURS)))
			.findFirst().orElseThrow();
		var appointment = book.book(new BookingRequest(patient.id(), clinician.id(), null,
				slot.startsAt().atZone(ZoneId.of("UTC")).toLocalDate(), slot.time(), SessionType.IN_PERSON, null, null),
				clinic.admin());
		book.confirm(appointment.id());

		job.remind();
		job.remind();

		assertThat(reminders(appointment.id())).isEqualTo(1);
	}

	@Test
	void aPendingAppointmentIsNotReminded() {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var patient = clinic.patient();
		var appointment = book.book(new BookingRequest(patient.id(), clinician.id(), null,
				Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY), LocalTime.of(9, 0), SessionType.ONLINE,
				null, null), clinic.admin());

		job.remind();

		assertThat(reminders(appointment.id())).isZero();
	}

	private long reminders(long appointmentId) {
		return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE appointment_id = ? AND kind = 'APPOINTMENT_REMINDER'")
			.param(appointmentId)
			.query(Long.class)
			.single();
	}
}
