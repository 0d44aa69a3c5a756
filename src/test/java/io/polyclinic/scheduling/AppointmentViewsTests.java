package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static io.polyclinic.scheduling.AppointmentBookTests.assertRefused;
import static io.polyclinic.scheduling.AppointmentBookTests.onGrid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;

/** The read model: names, links and standings in one answer, filters and pages in SQL, a clinician's agenda. */
class AppointmentViewsTests extends SchedulingModuleTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	AppointmentViews views;
	@Autowired
	SchedulingFakes.Payments payments;
	@Autowired
	SchedulingFakes.Meetings meetings;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aViewCarriesTheNamesTheLinkAndTheStandingAskedOncePerPage() {
		var centre = clinic.centre("Goa");
		var clinician = clinic.clinician(centre.id(), KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);
		var atCentre = book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(),
				day, LocalTime.of(9, 0), SessionType.IN_PERSON), clinic.admin()).appointment();
		var online = book.book(onGrid(patient, clinician, day, 10), clinic.admin()).appointment();
		payments.standings.put(atCentre.id(), PaymentStanding.PAID);
		meetings.links.put(online.id(), "https://meet.example/" + online.id());
		int paymentCalls = payments.calls.size();
		int meetingCalls = meetings.calls.size();

		var page = views.find(AppointmentQuery.all().withClinician(clinician.id()), PageRequest.of(0, 10),
				clinic.admin());

		assertThat(payments.calls).hasSize(paymentCalls + 1);
		assertThat(meetings.calls).hasSize(meetingCalls + 1);
		assertThat(payments.calls.get(paymentCalls)).containsExactlyInAnyOrder(atCentre.id(), online.id());
		assertThat(page.getContent()).extracting(v -> v.appointment().id()).containsExactly(online.id(), atCentre.id());
		AppointmentView first = page.getContent().get(1);
		assertThat(first.patient().fullName()).isEqualTo(patient.fullName());
		assertThat(first.patient().phone()).isEqualTo(patient.phone());
		assertThat(first.clinician().fullName()).isEqualTo(clinician.fullName());
		assertThat(first.centre()).isEqualTo(new AppointmentView.Place(centre.id(), centre.name()));
		assertThat(first.payment()).isEqualTo(PaymentStanding.PAID);
		assertThat(first.meetingLink()).isNull();
		AppointmentView second = page.getContent().get(0);
		assertThat(second.centre()).isNull();
		assertThat(second.payment()).isEqualTo(PaymentStanding.PENDING);
		assertThat(second.meetingLink()).isEqualTo("https://meet.example/" + online.id());
		assertThat(views.get(Ref.of(online.publicId()), clinic.admin())).isEqualTo(second);
	}

	@Test
	void filtersOrdersAndPagesInTheQuery() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY);
		var a = book.book(onGrid(patient, clinician, day, 9), clinic.admin()).appointment();
		var b = book.book(onGrid(clinic.patient(), clinician, day, 11), clinic.admin()).appointment();
		var c = book.book(onGrid(patient, clinician, day.plusDays(1), 9), clinic.admin()).appointment();
		book.cancel(c.id(), null, clinic.admin());
		Actor admin = clinic.admin();
		var mine = AppointmentQuery.all().withClinician(clinician.id());

		assertThat(ids(views.find(mine, PageRequest.of(0, 10), admin).getContent())).containsExactly(c.id(), b.id(),
				a.id());
		assertThat(ids(views.find(mine.ordered(AppointmentQuery.Order.SOONEST_FIRST), PageRequest.of(0, 10), admin)
			.getContent())).containsExactly(a.id(), b.id(), c.id());
		assertThat(ids(views.find(mine.on(day), PageRequest.of(0, 10), admin).getContent())).containsExactly(b.id(),
				a.id());
		assertThat(ids(views.find(mine.inStatus(Set.of(AppointmentStatus.CANCELLED)), PageRequest.of(0, 10), admin)
			.getContent())).containsExactly(c.id());
		assertThat(ids(views.find(mine.ofPatient(patient.id()), PageRequest.of(0, 10), admin).getContent()))
			.containsExactly(c.id(), a.id());
		assertThat(ids(views.find(mine.between(b.startsAt(), c.startsAt()), PageRequest.of(0, 10), admin).getContent()))
			.containsExactly(b.id());
		var second = views.find(mine, PageRequest.of(1, 2), admin);
		assertThat(ids(second.getContent())).containsExactly(a.id());
		assertThat(second.getTotalElements()).isEqualTo(3);
		var beyond = views.find(mine, PageRequest.of(5, 2), admin);
		assertThat(beyond.getContent()).isEmpty();
		assertThat(beyond.getTotalElements()).isEqualTo(3);
	}

	@Test
	void aPatientsListNamesThePatientEitherWayAndAnUnknownPatientIsNotFound() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		var appointment = book.book(onGrid(patient, clinician, Clinic.nextWeekday(KOLKATA, DayOfWeek.FRIDAY), 9),
				clinic.admin()).appointment();

		var byId = views.ofPatient(Ref.id(patient.id()), PageRequest.of(0, 10), clinic.admin());
		var byPublicId = views.ofPatient(Ref.of(patient.publicId()), PageRequest.of(0, 10), clinic.admin());

		assertThat(byId.getContent()).extracting(s -> s.appointment().id()).containsExactly(appointment.id());
		assertThat(byId.getContent().get(0).clinician().fullName()).isEqualTo(clinician.fullName());
		assertThat(byPublicId.getContent()).isEqualTo(byId.getContent());
		assertRefused(() -> views.ofPatient(Ref.id(987_654_321L), PageRequest.of(0, 10), clinic.admin()), "NOT_FOUND",
				null);
		assertRefused(() -> views.ofPatient(Ref.of(UUID.randomUUID()), PageRequest.of(0, 10), clinic.admin()),
				"NOT_FOUND", null);
		assertRefused(() -> views.get(Ref.id(987_654_321L), clinic.admin()), "NOT_FOUND", null);
	}

	@Test
	void aCliniciansAgendaIsDividedByTheirOwnClock() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.THURSDAY);
		var later = book.book(onGrid(patient, clinician, day, 9), clinic.admin()).appointment();
		var running = book.book(onGrid(patient, clinician, day, 10), clinic.admin()).appointment();
		var over = book.book(onGrid(patient, clinician, day, 11), clinic.admin()).appointment();
		var cancelled = book.book(onGrid(patient, clinician, day, 12), clinic.admin()).appointment();
		book.cancel(cancelled.id(), null, clinic.admin());
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// the book refuses the past, so the table itself moves one visit to now and one to yesterday
		move(running.id(), now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(59)));
		move(over.id(), now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)).plus(Duration.ofHours(1)));

		var agenda = views.agenda(clinic.actorOf(clinician.userId(), Role.CLINICIAN));

		assertThat(ids(agenda.current())).containsExactly(running.id());
		assertThat(ids(agenda.upcoming())).containsExactly(later.id());
		assertThat(ids(agenda.past())).containsExactly(over.id());
		assertThat(agenda.upcoming().get(0).patient().fullName()).isEqualTo(patient.fullName());
	}

	private void move(long id, Instant start, Instant end) {
		jdbc.sql("UPDATE appointments SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC), id).update();
	}

	private static List<Long> ids(List<AppointmentView> views) {
		return views.stream().map(v -> v.appointment().id()).toList();
	}
}
