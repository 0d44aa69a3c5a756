package io.polyclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentRequest.ByPhone;
import io.polyclinic.scheduling.AppointmentRequest.Caller;
import io.polyclinic.scheduling.AppointmentRequest.GridSlot;
import io.polyclinic.scheduling.AppointmentRequest.Interval;
import io.polyclinic.scheduling.AppointmentRequest.KnownPatient;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;
import io.polyclinic.support.Statements;

/** Booking a clinician's time on the grid and off it, and the steps of an appointment's life. */
class AppointmentBookTests extends SchedulingModuleTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	Availability availability;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	StaffRegistry staff;

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
		assertThat(availability.slots(Ref.of(clinician.publicId()), null, monday)).isEqualTo(slots);
		assertThat(availability.slots(clinician.id(), null, monday.plusDays(5))).isEmpty();
	}

	@Test
	void clearingADayRemovesItsRulesAtTheCentreAndOnline() {
		var centre = clinic.centre("Bangalore");
		var elsewhere = clinic.centre("Mysore");
		var clinician = clinic.clinician(centre.id(), KOLKATA.getId());
		availability.replaceRules(clinician.id(), List.of(
				new AvailabilityRule(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), true, centre.id()),
				new AvailabilityRule(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(15, 0), true, elsewhere.id()),
				new AvailabilityRule(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(19, 0), true, null),
				new AvailabilityRule(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), true, centre.id())),
				clinic.admin());

		var left = availability.removeDay(clinician.id(), DayOfWeek.MONDAY, centre.id(), clinic.admin());

		assertThat(left).extracting(AvailabilityRule::dayOfWeek, AvailabilityRule::centreId).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(DayOfWeek.MONDAY, elsewhere.id()),
				org.assertj.core.groups.Tuple.tuple(DayOfWeek.TUESDAY, centre.id()));
		assertThat(availability.weeklyHours(clinician.id())).hasSize(2);
		// without a centre, the whole day goes
		assertThat(availability.removeDay(clinician.id(), DayOfWeek.MONDAY, null, clinic.admin()))
			.extracting(AvailabilityRule::dayOfWeek).containsExactly(DayOfWeek.TUESDAY);
	}

	@Test
	void bookingHoldsTheSlotAndCancellingFreesIt() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.TUESDAY);

		var booked = book.book(onGrid(patient, clinician, day, 10), clinic.admin());

		Appointment appointment = booked.appointment();
		assertThat(appointment.status()).isEqualTo(AppointmentStatus.PENDING);
		assertThat(appointment.feeMinor()).isEqualTo(150_000L);
		assertThat(appointment.endsAt()).isEqualTo(appointment.startsAt().plus(Duration.ofHours(1)));
		assertThat(booked.patient().id()).isEqualTo(patient.id());
		assertThat(booked.patient().fullName()).isEqualTo(patient.fullName());
		assertThat(booked.patient().phone()).isEqualTo(patient.phone());
		assertThat(booked.newPatient()).isFalse();
		assertThat(free(clinician, day, 10)).isFalse();

		book.cancel(Ref.of(appointment.publicId()), "Patient requested", clinic.admin());

		assertThat(free(clinician, day, 10)).isTrue();
		var again = book.book(onGrid(patient, clinician, day, 10), clinic.admin()).appointment();
		assertThat(again.id()).isNotEqualTo(appointment.id());
	}

	@Test
	void refusesPastTimesOffGridTimesTimesOutsideTheHoursAndTakenSlots() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY);
		Actor admin = clinic.admin();

		assertRefused(() -> book.book(onGrid(patient, clinician, LocalDate.now().minusDays(3), 10), admin),
				"INVALID_INPUT", "startsAt");
		assertRefused(() -> book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), null, day,
				LocalTime.of(10, 17), SessionType.ONLINE), admin), "INVALID_INPUT", "startsAt");
		assertRefused(() -> book.book(onGrid(patient, clinician, day, 20), admin), "SLOT_UNAVAILABLE", null);

		book.book(onGrid(patient, clinician, day, 11), admin);
		var other = clinic.patient();
		assertThatThrownBy(() -> book.book(onGrid(other, clinician, day, 11), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.code()).isEqualTo("SLOT_UNAVAILABLE");
				assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
			});
	}

	@Test
	void unknownPeopleAndPlacesAreNotFoundAndAnInactiveClinicianTakesNoAppointments() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY);
		Actor admin = clinic.admin();

		assertRefused(() -> book.book(AppointmentRequest.onGrid(Ref.id(987_654_321L), Ref.id(clinician.id()), null, day,
				LocalTime.of(9, 0), SessionType.ONLINE), admin), "NOT_FOUND", null);
		assertRefused(() -> book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(987_654_321L), null, day,
				LocalTime.of(9, 0), SessionType.ONLINE), admin), "NOT_FOUND", null);
		assertRefused(() -> book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()),
				987_654_321L, day, LocalTime.of(9, 0), SessionType.ONLINE), admin), "NOT_FOUND", null);
		var byPublicIds = book.book(AppointmentRequest.onGrid(Ref.of(patient.publicId()), Ref.of(clinician.publicId()),
				null, day, LocalTime.of(9, 0), SessionType.ONLINE), admin);
		assertThat(byPublicIds.appointment().patientId()).isEqualTo(patient.id());
		clinicians.toggleActive(clinician.id(), admin);
		assertRefused(() -> book.book(onGrid(patient, clinician, day, 10), admin), "SLOT_UNAVAILABLE", null);
		assertRefused(() -> availability.slots(clinician.id(), null, day), "NOT_FOUND", null);
	}

	@Test
	void aPatientBooksForThemselvesAtTheCliniciansFeeWhateverTheRequestSays() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.THURSDAY);

		var booked = book.book(new AppointmentRequest(new Caller(), Ref.id(clinician.id()), null,
				new GridSlot(day, LocalTime.of(9, 0)), SessionType.ONLINE, 1L, "first visit"), self);

		assertThat(booked.appointment().patientId()).isEqualTo(patient.id());
		assertThat(booked.appointment().feeMinor()).isEqualTo(150_000L);
		assertThat(booked.appointment().notes()).isEqualTo("first visit");
		assertThat(booked.patient().fullName()).isEqualTo(patient.fullName());
		assertThatThrownBy(() -> book.book(new AppointmentRequest(new Caller(), Ref.id(clinician.id()), null,
				new GridSlot(day, LocalTime.of(10, 0)), SessionType.ONLINE, null, null), clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	@Test
	void staffBookByPhoneRegisteringANewPatientAndFindingAKnownOne() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var known = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.FRIDAY);
		String phone = Phones.newPhone();

		var walkIn = book.book(new AppointmentRequest(new ByPhone(phone, "Walk In", LeadSource.WALK_IN),
				Ref.id(clinician.id()), null, new GridSlot(day, LocalTime.of(9, 0)), SessionType.IN_PERSON, 0L, null),
				clinic.admin());
		var again = book.book(new AppointmentRequest(new ByPhone(known.phone().substring(3), null, LeadSource.WALK_IN),
				Ref.id(clinician.id()), null, new GridSlot(day, LocalTime.of(10, 0)), SessionType.IN_PERSON, null, null),
				clinic.admin());

		assertThat(walkIn.newPatient()).isTrue();
		assertThat(walkIn.patient().fullName()).isEqualTo("Walk In");
		assertThat(walkIn.patient().phone()).isEqualTo(phone);
		assertThat(walkIn.appointment().feeMinor()).isZero();
		assertThat(again.newPatient()).isFalse();
		assertThat(again.patient().id()).isEqualTo(known.id());
	}

	@Test
	void aFreeIntervalInsideTheHoursIsBookedAsAskedAndOutsideThemRefused() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);
		Instant start = at(day, 9, 20);

		var booked = book.book(interval(patient, clinician, start, start.plus(Duration.ofMinutes(25)), true),
				clinic.admin()).appointment();

		assertThat(booked.startsAt()).isEqualTo(start);
		assertThat(booked.endsAt()).isEqualTo(start.plus(Duration.ofMinutes(25)));
		assertThat(booked.date()).isEqualTo(day);
		assertThat(booked.time()).isEqualTo(LocalTime.of(9, 20));
		// the 09:00 grid slot overlaps it, whichever face booked it: taken in all
		assertThat(free(clinician, day, 9)).isFalse();
		assertThat(free(clinician, day, 10)).isTrue();
		assertRefused(() -> book.book(onGrid(clinic.patient(), clinician, day, 9), clinic.admin()), "SLOT_UNAVAILABLE",
				null);
		// without an end it lasts one consultation
		var defaultLength = book.book(interval(patient, clinician, at(day, 11, 0), null, true), clinic.admin());
		assertThat(defaultLength.appointment().endsAt()).isEqualTo(at(day, 12, 0));
		// 16:30 to 17:30 leaves the hours at 17:00; a Saturday has none
		assertRefused(() -> book.book(interval(patient, clinician, at(day, 16, 30), at(day, 17, 30), true),
				clinic.admin()), "SLOT_UNAVAILABLE", null);
		assertRefused(() -> book.book(interval(patient, clinician, at(day.plusDays(5), 10, 0), null, true),
				clinic.admin()), "SLOT_UNAVAILABLE", null);
	}

	@Test
	void anIntervalAnywhereIsBookedWhereverTheClinicianIsFreeButNeverOverAnotherAppointment() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate saturday = Clinic.nextWeekday(KOLKATA, DayOfWeek.SATURDAY);
		LocalDate monday = saturday.plusDays(2);
		book.book(onGrid(patient, clinician, monday, 14), clinic.admin());

		var late = book.book(interval(patient, clinician, at(saturday, 21, 0), at(saturday, 21, 45), false),
				clinic.admin()).appointment();

		assertThat(late.date()).isEqualTo(saturday);
		assertRefused(() -> book.book(interval(patient, clinician, at(saturday, 21, 30), at(saturday, 22, 0), false),
				clinic.admin()), "SLOT_UNAVAILABLE", null);
		assertRefused(() -> book.book(interval(patient, clinician, at(monday, 14, 59), at(monday, 15, 30), false),
				clinic.admin()), "SLOT_UNAVAILABLE", null);
		// touching is not overlapping: [21:45, 22:00) follows [21:00, 21:45)
		book.book(interval(patient, clinician, at(saturday, 21, 45), at(saturday, 22, 0), false), clinic.admin());
		book.book(interval(patient, clinician, at(monday, 15, 0), at(monday, 15, 10), false), clinic.admin());
		assertRefused(() -> book.book(interval(patient, clinician, at(monday, 10, 0), at(monday, 9, 0), false),
				clinic.admin()), "INVALID_INPUT", "endsAt");
		assertRefused(() -> book.book(interval(patient, clinician, at(monday, 10, 0), at(monday.plusDays(2), 9, 0),
				false), clinic.admin()), "INVALID_INPUT", "endsAt");
	}

	@Test
	void aPatientCancelsOnlyTheirOwnAndOnlyBeforeItStarts() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var owner = clinic.patient();
		var stranger = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.FRIDAY);
		var appointment = book.book(onGrid(owner, clinician, day, 9), clinic.admin()).appointment();

		assertRefused(() -> book.cancel(appointment.id(), "mine now", clinic.actorOf(stranger.userId(), Role.PATIENT)),
				"FORBIDDEN", null);
		assertThat(book.cancel(appointment.id(), "  can't come  ", clinic.actorOf(owner.userId(), Role.PATIENT))
			.cancellationReason()).isEqualTo("can't come");
	}

	@Test
	void aVisitIsCompletedWhateverTheClockSaysButOnlyInTheOrderOfStatuses() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		Actor doctor = clinic.actorOf(clinician.userId(), Role.CLINICIAN);
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);
		var pending = book.book(onGrid(patient, clinician, day, 15), clinic.admin()).appointment();
		var cancelled = book.book(onGrid(patient, clinician, day, 16), clinic.admin()).appointment();
		book.cancel(cancelled.id(), null, clinic.admin());

		// a week ahead and still pending: the clinician ends it anyway
		assertThat(book.complete(Ref.id(pending.id()), doctor).status()).isEqualTo(AppointmentStatus.COMPLETED);
		assertRefused(() -> book.complete(Ref.id(pending.id()), doctor), "INVALID_STATUS_TRANSITION", null);
		assertRefused(() -> book.complete(Ref.id(cancelled.id()), doctor), "INVALID_STATUS_TRANSITION", null);
		assertRefused(() -> book.cancel(pending.id(), null, clinic.admin()), "INVALID_STATUS_TRANSITION", null);
		var future = book.book(onGrid(patient, clinician, day, 10), clinic.admin()).appointment();
		assertRefused(() -> book.markNoShow(Ref.id(future.id()), doctor), "INVALID_STATUS_TRANSITION", null);
		assertRefused(() -> book.complete(Ref.id(future.id()), clinic.actorOf(patient.userId(), Role.PATIENT)),
				"FORBIDDEN", null);
	}

	@Test
	void confirmingReschedulingAndStatusStepsAreGuardedByTheAppointment() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);
		var appointment = book.book(onGrid(patient, clinician, day, 15), clinic.admin()).appointment();
		Ref ref = Ref.id(appointment.id());

		assertThat(book.confirm(ref, clinic.admin()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
		assertThat(book.confirm(ref, Actor.system()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
		assertRefused(() -> book.change(ref, new AppointmentChanges(null, null, AppointmentStatus.PENDING, null),
				clinic.admin()), "INVALID_STATUS_TRANSITION", null);
		var moved = book.change(ref, new AppointmentChanges(day.plusDays(1), LocalTime.of(16, 0), null, "moved"),
				clinic.admin());
		assertThat(moved.date()).isEqualTo(day.plusDays(1));
		assertThat(moved.time()).isEqualTo(LocalTime.of(16, 0));
		assertThat(moved.notes()).isEqualTo("moved");
		assertThat(free(clinician, day, 15)).isTrue();
		assertThat(free(clinician, day.plusDays(1), 16)).isFalse();
		var rescheduled = book.reschedule(ref, new Interval(at(day.plusDays(1), 16, 30), at(day.plusDays(1), 17, 0),
				true), clinic.admin());
		assertThat(rescheduled.startsAt()).isEqualTo(at(day.plusDays(1), 16, 30));
		book.cancel(appointment.id(), null, clinic.admin());
		assertRefused(() -> book.confirm(ref, clinic.admin()), "INVALID_STATUS_TRANSITION", null);
		// a payment that comes in for a cancelled appointment leaves it cancelled
		assertThat(book.confirm(appointment.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
	}

	@Test
	void aBookingRunsAtMostSixStatementsOfItsOwnAndFewerOnceThePatientIsKnown() {
		var centre = clinic.centre("Mangaluru");
		var clinician = clinic.clinician(centre.id(), KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.TUESDAY);
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember("Desk " + phone, phone, null, null, "SecurePassword123",
				Role.FRONT_DESK, centre.id()), clinic.admin());
		Actor desk = new Actor(member.id(), member.publicId(), Role.FRONT_DESK, UUID.randomUUID());
		var request = AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(), day,
				LocalTime.of(9, 0), SessionType.IN_PERSON);

		// the caller's reach, the booking's facts, the row, the care link, the centre enrolment, the audit
		var first = Statements.count(() -> book.book(request, desk));
		var byPhone = Statements.count(() -> book.book(new AppointmentRequest(new ByPhone(patient.phone(), null,
				LeadSource.WALK_IN), Ref.id(clinician.id()), centre.id(), new GridSlot(day, LocalTime.of(10, 0)),
				SessionType.IN_PERSON, null, null), desk));

		assertThat(first.count()).as(first.toString()).isLessThanOrEqualTo(6);
		assertThat(byPhone.count()).as(byPhone.toString()).isLessThanOrEqualTo(4);
		assertThat(byPhone.result().patient().id()).isEqualTo(patient.id());
	}

	static AppointmentRequest onGrid(Patient patient, Clinician clinician, LocalDate day, int hour) {
		return AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), null, day, LocalTime.of(hour, 0),
				SessionType.ONLINE);
	}

	static AppointmentRequest interval(Patient patient, Clinician clinician, Instant start, Instant end,
			boolean withinHours) {
		return new AppointmentRequest(new KnownPatient(Ref.id(patient.id())), Ref.id(clinician.id()), null,
				new Interval(start, end, withinHours), SessionType.ONLINE, null, null);
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return ZonedDateTime.of(day, LocalTime.of(hour, minute), KOLKATA).toInstant();
	}

	private boolean free(Clinician clinician, LocalDate day, int hour) {
		List<Slot> slots = availability.slots(clinician.id(), null, day);
		return slots.stream().filter(s -> s.time().equals(LocalTime.of(hour, 0))).findFirst().orElseThrow().available();
	}

	static void assertRefused(Runnable call, String code, String field) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, e -> {
			assertThat(e.code()).as(e.toString()).isEqualTo(code);
			if (field != null) {
				assertThat(e.fields()).containsKey(field);
			}
		});
	}
}
