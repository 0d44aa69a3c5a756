package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static io.polyclinic.scheduling.AppointmentBookTests.assertRefused;
import static io.polyclinic.scheduling.AppointmentBookTests.onGrid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;

/** A patient's overview counts their appointments in all, completed and open ahead, with the next ones and who they are. */
class PatientOverviewCountsTests extends SchedulingModuleTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	AppointmentViews views;

	@Test
	void allCompletedAndUpcomingAreCountedBesideTheNextAppointments() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		Actor me = clinic.actorOf(patient.userId(), Role.PATIENT);
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);

		var none = views.ahead(5, me);
		assertThat(none.next()).isEmpty();
		assertThat(none.allAppointments()).isZero();
		assertThat(none.completedAppointments()).isZero();
		assertThat(none.upcomingAppointments()).isZero();
		assertThat(none.patient()).isEqualTo(new AppointmentView.Person(patient.id(), patient.fullName(),
				patient.phone(), patient.email()));

		var done = book.book(onGrid(patient, clinician, day, 9), clinic.admin()).appointment();
		book.complete(Ref.id(done.id()), clinic.actorOf(clinician.userId(), Role.CLINICIAN));
		var cancelled = book.book(onGrid(patient, clinician, day, 10), clinic.admin()).appointment();
		book.cancel(cancelled.id(), null, clinic.admin());

		var onlyPast = views.ahead(5, me);
		assertThat(onlyPast.next()).isEmpty();
		assertThat(onlyPast.allAppointments()).isEqualTo(2);
		assertThat(onlyPast.completedAppointments()).isEqualTo(1);
		assertThat(onlyPast.upcomingAppointments()).isZero();

		book.book(onGrid(patient, clinician, day, 11), clinic.admin());
		book.book(onGrid(patient, clinician, day, 12), clinic.admin());
		book.book(onGrid(patient, clinician, day, 13), clinic.admin());

		var ahead = views.ahead(2, me);
		assertThat(ahead.next()).hasSize(2);
		assertThat(ahead.allAppointments()).isEqualTo(5);
		assertThat(ahead.completedAppointments()).isEqualTo(1);
		assertThat(ahead.upcomingAppointments()).isEqualTo(3);
		assertThat(ahead.patient()).isEqualTo(none.patient());
		assertRefused(() -> views.ahead(5, clinic.admin()), "FORBIDDEN", null);
	}
}
