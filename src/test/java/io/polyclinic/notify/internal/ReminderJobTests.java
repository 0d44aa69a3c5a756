package io.polyclinic.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.Clinician;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentChanges;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.scheduling.Slot;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * The reminder job in the running application, over real appointments: confirmed ones starting within the lead are
 * reminded once for each start they have; others are not.
 */
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

	/** A clinician in UTC who works around the clock, so that slots within the next day always exist. */
	Clinician allDayClinician() {
		var clinician = clinic.clinician(null, "UTC");
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.map(d -> new AvailabilityRule(d, LocalTime.of(0, 0), LocalTime.of(23, 0), true, null))
			.toList(), clinic.admin());
		return clinician;
	}

	/** Free slots starting between one and 23 hours from now. */
	List<Slot> slotsWithinADay(Clinician clinician) {
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return Stream.of(today, today.plusDays(1))
			.flatMap(d -> availability.slots(clinician.id(), null, d).stream())
			.filter(s -> s.available() && s.startsAt().isAfter(now.plus(1, ChronoUnit.HOURS))
					&& s.startsAt().isBefore(now.plus(23, ChronoUnit.HOURS)))
			.toList();
	}

	Appointment book(Clinician clinician, LocalDate date, LocalTime time) {
		var patient = clinic.patient();
		return book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), null, new AppointmentRequest.GridSlot(date, time), SessionType.IN_PERSON, null,
				null), clinic.admin()).appointment();
	}

	Appointment book(Clinician clinician, Slot slot) {
		return book(clinician, slot.startsAt().atZone(ZoneOffset.UTC).toLocalDate(), slot.time());
	}

	@Test
	void aConfirmedAppointmentWithinTheLeadIsRemindedOnceAndMarked() {
		var clinician = allDayClinician();
		var appointment = book(clinician, slotsWithinADay(clinician).get(0));
		book.confirm(appointment.id());

		job.remind();
		job.remind();

		assertThat(reminders(appointment.id())).hasSize(1);
		assertThat(jdbc.sql("SELECT delivery_id FROM appointment_reminders WHERE appointment_id = ?")
			.param(appointment.id()).query(Long.class).list()).containsExactly(deliveryIds(appointment.id()).get(0));
	}

	@Test
	void anAppointmentMovedAfterItsReminderIsRemindedOfItsNewTime() {
		var clinician = allDayClinician();
		var slots = slotsWithinADay(clinician);
		var appointment = book(clinician, slots.get(0));
		book.confirm(appointment.id());
		job.remind();

		Slot later = slots.get(slots.size() - 1);
		book.change(appointment.id(), new AppointmentChanges(later.startsAt().atZone(ZoneOffset.UTC).toLocalDate(),
				later.time(), null, null), clinic.admin());
		job.remind();
		job.remind();

		List<String> bodies = reminders(appointment.id());
		assertThat(bodies).hasSize(2);
		String newTime = later.startsAt().atZone(ZoneOffset.UTC).toLocalTime()
			.format(java.time.format.DateTimeFormatter.ofPattern("h:mm a", java.util.Locale.ENGLISH));
		assertThat(bodies.get(1)).contains(newTime).contains("is coming up");
	}

	@Test
	void aPendingAppointmentIsNotReminded() {
		var clinician = allDayClinician();
		var appointment = book(clinician, slotsWithinADay(clinician).get(0));

		job.remind();

		assertThat(reminders(appointment.id())).isEmpty();
	}

	@Test
	void aConfirmedAppointmentBeyondTheLeadWaits() {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var appointment = book(clinician, Clinic.nextWeekday(java.time.ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY),
				LocalTime.of(9, 0));
		book.confirm(appointment.id());

		job.remind();

		assertThat(reminders(appointment.id())).isEmpty();
	}

	private List<String> reminders(long appointmentId) {
		return jdbc.sql("""
				SELECT body FROM deliveries WHERE appointment_id = ? AND kind = 'APPOINTMENT_REMINDER'
				ORDER BY created_at, id""")
			.param(appointmentId)
			.query(String.class)
			.list();
	}

	private List<Long> deliveryIds(long appointmentId) {
		return jdbc.sql("SELECT id FROM deliveries WHERE appointment_id = ? AND kind = 'APPOINTMENT_REMINDER'")
			.param(appointmentId)
			.query(Long.class)
			.list();
	}
}
