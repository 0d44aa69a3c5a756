package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static io.polyclinic.scheduling.AppointmentPartiesMatrixTests.atInstant;
import static io.polyclinic.scheduling.AppointmentPartiesMatrixTests.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;

/**
 * The diaries of the parties (a clinician's own, a patient's own): filtered by a day on the clinician's clock, by
 * status and by kind, paged and counted in SQL; and who acted on an appointment, published for the other party.
 */
@RecordApplicationEvents
class AppointmentDiaryTests extends SchedulingModuleTest {

	@Autowired
	Clinic clinic;
	@Autowired
	Accounts accounts;
	@Autowired
	CareTeam careTeam;
	@Autowired
	AppointmentBook book;
	@Autowired
	AppointmentViews views;
	@Autowired
	ApplicationEvents events;

	Clinician clinician;
	Patient patient;
	UUID patientAccount;
	Actor asClinician;
	Actor asPatient;
	LocalDate day;

	@BeforeEach
	void parties() {
		clinician = clinic.clinician(null, KOLKATA.getId());
		patient = clinic.patient();
		clinic.follow(patient, clinician);
		patientAccount = accounts.get(patient.userId()).publicId();
		asClinician = new Actor(clinician.userId(), clinician.accountId(), Role.CLINICIAN, UUID.randomUUID());
		asPatient = new Actor(patient.userId(), patientAccount, Role.PATIENT, UUID.randomUUID());
		day = LocalDate.now(KOLKATA).plusDays(40);
	}

	@Test
	void aDayIsTheClinicianDayAndTheFiltersAndTotalsAreSql() {
		// 00:30 and 23:30 on the clinician's day are on two different days in UTC
		var early = book(LocalTime.of(0, 30), asPatient);
		var late = book(LocalTime.of(23, 30), asClinician);
		var nextDay = book(day.plusDays(1), LocalTime.of(10, 0), asPatient);
		assertThat(early.startsAt().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(day.minusDays(1));
		book.arrange(Ref.id(late.id()), new AppointmentChanges(null, null, null, AppointmentStatus.CONFIRMED, null,
				ConsultationType.IN_PERSON, null, null, false), asClinician);
		book.arrange(Ref.id(nextDay.id()), edit(AppointmentStatus.CANCELLED, null), asPatient);

		assertThat(ids(AppointmentQuery.all().on(day))).containsExactlyInAnyOrder(early.id(), late.id());
		assertThat(ids(AppointmentQuery.all().inStatus(Set.of(AppointmentStatus.CONFIRMED)))).containsExactly(late.id());
		assertThat(ids(AppointmentQuery.all().ofKind(Set.of(ConsultationType.ONLINE))))
			.containsExactlyInAnyOrder(early.id(), nextDay.id());
		assertThat(ids(AppointmentQuery.all().on(day).ofKind(Set.of(ConsultationType.ONLINE))))
			.containsExactly(early.id());

		// a page of one counts them all; a page past the last one still knows the total
		var first = views.clinicianDiary(clinician.accountId(),
				AppointmentQuery.all().ordered(AppointmentQuery.Order.SOONEST_FIRST), PageRequest.of(0, 1), asClinician);
		assertThat(first.getContent()).extracting(v -> v.appointment().id()).containsExactly(early.id());
		assertThat(first.getTotalElements()).isEqualTo(3);
		assertThat(views.clinicianDiary(clinician.accountId(), AppointmentQuery.all(), PageRequest.of(5, 1), asClinician)
			.getTotalElements()).isEqualTo(3);
		var patients = views.patientDiary(patientAccount, AppointmentQuery.all(), PageRequest.of(0, 2), asPatient);
		assertThat(patients.getContent()).hasSize(2);
		assertThat(patients.getTotalElements()).isEqualTo(3);
		assertThat(patients.getContent().get(0).clinician().fullName()).isEqualTo(clinician.fullName());

		assertThat(views.clinicianTally(clinician.accountId(), asClinician)).containsEntry(AppointmentStatus.PENDING, 1L)
			.containsEntry(AppointmentStatus.CONFIRMED, 1L).containsEntry(AppointmentStatus.CANCELLED, 1L)
			.containsEntry(AppointmentStatus.COMPLETED, 0L);
	}

	@Test
	void whoActedIsPublishedForTheOtherParty() {
		var booked = book(LocalTime.of(11, 0), asPatient);
		book.arrange(Ref.id(booked.id()), edit(AppointmentStatus.CONFIRMED, null), asClinician);
		book.arrange(Ref.id(booked.id()), edit(AppointmentStatus.CONFIRMED, null), asClinician); // changes nothing
		book.arrange(Ref.id(booked.id()), edit(null, "bring the glucose log"), asPatient);
		book.arrange(Ref.id(booked.id()), new AppointmentChanges(null, null,
				AppointmentRequest.Interval.oneConsultationAt(at(day, LocalTime.of(15, 0))), null, null, null, null, null,
				false), asClinician);
		book.arrange(Ref.id(booked.id()), edit(AppointmentStatus.CANCELLED, null), asPatient);
		book.remove(Ref.id(booked.id()), asClinician);
		// what the clinic does by itself names nobody
		var paid = book(LocalTime.of(17, 0), asPatient);
		book.confirm(paid.id());

		assertThat(events.stream(AppointmentActedOn.class).filter(e -> e.clinicianId() == clinician.id()))
			.extracting(AppointmentActedOn::appointmentId, AppointmentActedOn::byUserId, AppointmentActedOn::action)
			.containsExactly(tuple(booked.id(), patient.userId(), "BOOKED"),
					tuple(booked.id(), clinician.userId(), "CONFIRMED"),
					tuple(booked.id(), patient.userId(), "CHANGED"),
					tuple(booked.id(), clinician.userId(), "RESCHEDULED"),
					tuple(booked.id(), patient.userId(), "CANCELLED"),
					tuple(booked.id(), clinician.userId(), "REMOVED"),
					tuple(paid.id(), patient.userId(), "BOOKED"));
		var moved = events.stream(AppointmentActedOn.class).filter(e -> e.action().equals("RESCHEDULED")
				&& e.appointmentId() == booked.id()).findFirst().orElseThrow();
		assertThat(moved.startsAt()).isEqualTo(at(day, LocalTime.of(15, 0)));
		assertThat(moved.appointmentPublicId()).isEqualTo(booked.publicId());
		assertThat(moved.patientId()).isEqualTo(patient.id());
	}

	private List<Long> ids(AppointmentQuery query) {
		return views.clinicianDiary(clinician.accountId(), query, PageRequest.of(0, 50), asClinician).getContent()
			.stream().map(v -> v.appointment().id()).toList();
	}

	private Appointment book(LocalTime time, Actor actor) {
		return book(day, time, actor);
	}

	private Appointment book(LocalDate on, LocalTime time, Actor actor) {
		return book.book(atInstant(patientAccount, clinician, at(on, time)), actor).appointment();
	}

	private static java.time.Instant at(LocalDate on, LocalTime time) {
		return ZonedDateTime.of(on, time, KOLKATA).toInstant();
	}
}
