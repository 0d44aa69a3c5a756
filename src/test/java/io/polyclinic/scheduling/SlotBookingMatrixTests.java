package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static io.polyclinic.scheduling.AppointmentBookTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;

/**
 * Slots named by one integer (hcp's {@code slot_id}), asked of the module itself: who books a slot by id, who moves
 * an appointment to another slot, who writes which part of a visit's details, who reads an appointment's reminders
 * and details — and what a slot id that names no free slot gets. Every caller of the common matrix is tried against
 * patient A, who has appointments with clinician A; those not let through must get an audited FORBIDDEN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlotBookingMatrixTests extends SchedulingModuleTest {

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_B, PHARMACIST, GUEST
	}

	static final Set<Caller> STAFF_OF_A = EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A,
			Caller.FRONT_DESK_OF_A);

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	AppointmentBook book;
	@Autowired
	AppointmentViews views;
	@Autowired
	Availability availability;
	@Autowired
	JdbcClient jdbc;

	Clinician clinicianA;
	Clinician otherClinician;
	Patient patientA;
	Map<Caller, Actor> callers = new LinkedHashMap<>();
	/** The next free grid slot of clinician A: whole hours 09:00-16:00 of weekdays, from 200 days on. */
	LocalDate day = LocalDate.now(KOLKATA).plusDays(200);
	int hour = 9;

	@BeforeAll
	void cast() {
		Centre centreA = clinic.centre("Pune");
		Centre centreB = clinic.centre("Nagpur");
		clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
		patientA = clinic.patient();
		Patient patientB = clinic.patient();
		callers.put(Caller.PATIENT_A, as(patientA.userId(), Role.PATIENT));
		callers.put(Caller.PATIENT_B, as(patientB.userId(), Role.PATIENT));
		callers.put(Caller.CLINICIAN_OF_A, as(clinicianA.userId(), Role.CLINICIAN));
		callers.put(Caller.OTHER_CLINICIAN, as(otherClinician.userId(), Role.CLINICIAN));
		callers.put(Caller.ADMIN, clinic.admin());
		callers.put(Caller.MANAGER, hire(Role.MANAGER, null));
		callers.put(Caller.CENTRE_MANAGER_OF_A, hire(Role.CENTRE_MANAGER, centreA.id()));
		callers.put(Caller.CENTRE_MANAGER_OF_B, hire(Role.CENTRE_MANAGER, centreB.id()));
		callers.put(Caller.FRONT_DESK_OF_A, hire(Role.FRONT_DESK, centreA.id()));
		callers.put(Caller.CARE_COORDINATOR_OF_B, hire(Role.CARE_COORDINATOR, centreB.id()));
		callers.put(Caller.PHARMACIST, account(Role.PHARMACIST));
		callers.put(Caller.GUEST, account(Role.GUEST));
	}

	@Test
	void aSlotIdIsStableSafeForJavaScriptAndDecodesToItsClinicianAndStart() {
		Instant start = ZonedDateTime.of(LocalDate.of(2150, 1, 1), LocalTime.of(23, 59), KOLKATA).toInstant();
		SlotId slot = new SlotId(SlotId.MAX_CLINICIAN, start);

		assertThat(slot.value()).isLessThanOrEqualTo((1L << 53) - 1);
		assertThat(SlotId.of(slot.value())).isEqualTo(slot);
		assertThat(new SlotId(7, start).value()).isEqualTo(new SlotId(7, start).value());
		for (long bad : new long[] { 0, -1, 42 }) {
			assertRefused(() -> SlotId.of(bad), Refusal.INVALID_INPUT, "slotId");
		}
	}

	@Test
	void onlyAPatientBooksASlotByIdForThemselfAtTheClinicansFee() {
		assertMatrix("book a slot", EnumSet.of(Caller.PATIENT_A, Caller.PATIENT_B),
				actor -> book.bookSlot(nextSlot(), booking(), actor));

		SlotId slot = nextSlot();
		Booked booked = book.bookSlot(slot, new SlotBooking(ConsultationType.VIDEO, " Chest pain ",
				List.of("pain", "cough"), "Asthma since 2010"), callers.get(Caller.PATIENT_A));

		Appointment a = booked.appointment();
		assertThat(a.patientId()).isEqualTo(patientA.id());
		assertThat(a.clinicianId()).isEqualTo(clinicianA.id());
		assertThat(a.startsAt()).isEqualTo(slot.startsAt());
		assertThat(a.feeMinor()).isEqualTo(clinicianA.feeMinor());
		assertThat(a.notes()).isEqualTo("Chest pain");
		assertThat(a.consultationType()).isEqualTo(ConsultationType.VIDEO);
		assertThat(a.symptoms()).containsExactly("pain", "cough");
		assertThat(a.status()).isEqualTo(AppointmentStatus.PENDING);
		var detail = views.detail(Ref.id(a.id()), callers.get(Caller.PATIENT_A));
		assertThat(detail.visit().medicalHistory()).isEqualTo("Asthma since 2010");
		List<Reminder> reminders = book.reminders(Ref.id(a.id()), callers.get(Caller.PATIENT_A));
		assertThat(reminders).singleElement().satisfies(r -> {
			assertThat(r.type()).isEqualTo("booking_confirmation");
			assertThat(r.channel()).isEqualTo("email");
			assertThat(r.deliveryStatus()).isEqualTo("pending");
			assertThat(r.appointmentId()).isEqualTo(a.id());
		});
		// only the clinic's own sender reports a delivery; nobody else, whoever they are
		long reminder = reminders.get(0).id();
		callers.values().forEach(caller -> assertRefused(() -> book.reminderDelivered(reminder, true, "d-1", caller),
				"FORBIDDEN", null));
		book.reminderDelivered(reminder, true, "d-1", Actor.system());
		assertThat(book.reminders(Ref.id(a.id()), callers.get(Caller.PATIENT_A))).singleElement().satisfies(r -> {
			assertThat(r.deliveryStatus()).isEqualTo("sent");
			assertThat(r.deliveryId()).isEqualTo("d-1");
			assertThat(r.sentAt()).isNotNull();
		});
	}

	@Test
	void aSlotIdThatNamesNoFreeSlotIsRefusedOnTheSlotId() {
		Actor patient = callers.get(Caller.PATIENT_A);
		SlotId taken = nextSlot();
		book.bookSlot(taken, booking(), patient);
		ZonedDateTime onGrid = ZonedDateTime.of(weekday(300, DayOfWeek.MONDAY), LocalTime.of(10, 0), KOLKATA);

		assertRefused(() -> book.bookSlot(taken, booking(), callers.get(Caller.PATIENT_B)), "SLOT_UNAVAILABLE", "slotId");
		// a clinician there is none of, a time off the grid, outside the hours, past
		assertRefused(() -> book.bookSlot(new SlotId(SlotId.MAX_CLINICIAN, onGrid.toInstant()), booking(), patient),
				Refusal.INVALID_INPUT, "slotId");
		assertRefused(() -> book.bookSlot(new SlotId(clinicianA.id(), onGrid.plusMinutes(30).toInstant()), booking(),
				patient), Refusal.INVALID_INPUT, "slotId");
		assertRefused(() -> book.bookSlot(new SlotId(clinicianA.id(), onGrid.withHour(20).toInstant()), booking(),
				patient), Refusal.INVALID_INPUT, "slotId");
		assertRefused(() -> book.bookSlot(new SlotId(clinicianA.id(),
				ZonedDateTime.of(weekday(-30, DayOfWeek.MONDAY), LocalTime.of(10, 0), KOLKATA).toInstant()), booking(),
				patient), Refusal.INVALID_INPUT, "slotId");
	}

	@Test
	void aSlotTakenThroughAnotherFaceIsNotListedOpenAndCannotBeBookedById() {
		LocalDate date = weekday(260, DayOfWeek.TUESDAY);
		List<OpenSlot> before = availability.openSlots(clinicianA.id(), date, date);
		assertThat(before).extracting(OpenSlot::time).contains(LocalTime.of(11, 0));
		OpenSlot eleven = before.stream().filter(s -> s.time().equals(LocalTime.of(11, 0))).findFirst().orElseThrow();
		assertThat(SlotId.of(eleven.id().value())).isEqualTo(eleven.id());
		assertThat(eleven.minutes()).isEqualTo(60);

		// staff book 11:00 on the grid, as Mibo's front desk would
		book.book(AppointmentRequest.onGrid(Ref.id(patientA.id()), Ref.id(clinicianA.id()), null, date,
				LocalTime.of(11, 0), SessionType.IN_PERSON), clinic.admin());

		assertThat(availability.openSlots(clinicianA.id(), date, date)).extracting(OpenSlot::time)
			.doesNotContain(LocalTime.of(11, 0))
			.hasSize(before.size() - 1);
		assertRefused(() -> book.bookSlot(eleven.id(), booking(), callers.get(Caller.PATIENT_B)), "SLOT_UNAVAILABLE",
				"slotId");
		assertRefused(() -> availability.openSlots(clinicianA.id(), date, date.minusDays(1)), Refusal.INVALID_INPUT,
				"dateTo");
		assertRefused(() -> availability.openSlots(clinicianA.id(), date, date.plusDays(40)), Refusal.INVALID_INPUT,
				"dateTo");
		assertRefused(() -> availability.openSlots(SlotId.MAX_CLINICIAN, date, date), "NOT_FOUND", null);
	}

	@Test
	void theParties_andStaffWhoReachIt_moveAnAppointmentToAnotherSlotAndTheOldOneIsFreed() {
		Set<Caller> movers = EnumSet.copyOf(STAFF_OF_A);
		movers.add(Caller.PATIENT_A);
		movers.add(Caller.CLINICIAN_OF_A);
		assertMatrix("reschedule to a slot", movers, actor -> book.rescheduleToSlot(ref(fresh()), nextSlot(), actor));

		Appointment a = fresh();
		SlotId target = nextSlot();
		LocalDate oldDay = a.date();
		Appointment moved = book.rescheduleToSlot(ref(a), target, callers.get(Caller.PATIENT_A));
		assertThat(moved.startsAt()).isEqualTo(target.startsAt());
		assertThat(availability.openSlots(clinicianA.id(), oldDay, oldDay)).extracting(OpenSlot::startsAt)
			.contains(a.startsAt());

		// another clinician's slot, a taken one, and an appointment that has ended
		SlotId others = new SlotId(otherClinician.id(), nextSlot().startsAt());
		assertRefused(() -> book.rescheduleToSlot(ref(moved), others, callers.get(Caller.PATIENT_A)),
				Refusal.INVALID_INPUT, "slotId");
		Appointment second = fresh();
		assertRefused(() -> book.rescheduleToSlot(ref(moved), new SlotId(clinicianA.id(), second.startsAt()),
				callers.get(Caller.PATIENT_A)), "SLOT_UNAVAILABLE", "slotId");
		book.complete(ref(second), callers.get(Caller.CLINICIAN_OF_A));
		assertRefused(() -> book.rescheduleToSlot(ref(second), nextSlot(), callers.get(Caller.CLINICIAN_OF_A)),
				"INVALID_STATUS_TRANSITION", null);
	}

	@Test
	void eachPartyWritesTheirOwnPartOfTheVisit() {
		Set<Caller> patientSide = EnumSet.copyOf(STAFF_OF_A);
		patientSide.add(Caller.PATIENT_A);
		Set<Caller> clinicianSide = EnumSet.copyOf(STAFF_OF_A);
		clinicianSide.add(Caller.CLINICIAN_OF_A);
		Appointment a = fresh();
		assertMatrix("patient's part", patientSide, actor -> book.amend(ref(a),
				new VisitChanges("Reason by " + actor.role(), null, "History", null, "Good", null, null, null), actor));
		assertMatrix("clinician's part", clinicianSide, actor -> book.amend(ref(a),
				new VisitChanges(null, null, null, null, null, "Notes by " + actor.role(), true, null), actor));

		Instant followUp = Instant.parse("2031-05-01T10:00:00Z");
		book.amend(ref(a), new VisitChanges(null, null, null, null, null, "Rest", true, followUp),
				callers.get(Caller.CLINICIAN_OF_A));
		book.amend(ref(a), new VisitChanges("Headache", List.of("headache"), "None", ConsultationType.IN_PERSON,
				"Kind doctor", null, null, null), callers.get(Caller.PATIENT_A));
		var detail = views.detail(ref(a), callers.get(Caller.CLINICIAN_OF_A));
		assertThat(detail.view().appointment().notes()).isEqualTo("Headache");
		assertThat(detail.view().appointment().consultationType()).isEqualTo(ConsultationType.IN_PERSON);
		assertThat(detail.visit()).isEqualTo(new VisitDetails("None", "Rest", "Kind doctor", true, followUp, null, null));
		assertRefused(() -> book.amend(ref(a), new VisitChanges(null, null, "x".repeat(5001), null, null, null, null,
				null), callers.get(Caller.PATIENT_A)), Refusal.INVALID_INPUT, "medicalHistory");
	}

	@Test
	void theClinicianStartsAndEndsAVisitAtAnyTimeAndTheTimesAreKept() {
		Set<Caller> carers = EnumSet.copyOf(STAFF_OF_A);
		carers.add(Caller.CLINICIAN_OF_A);
		assertMatrix("start", carers, actor -> book.start(ref(fresh()), actor));
		assertMatrix("end", carers, actor -> book.complete(ref(fresh()), actor));

		Appointment a = fresh(); // months ahead: no clock window
		Actor clinician = callers.get(Caller.CLINICIAN_OF_A);
		assertThat(book.start(ref(a), clinician).status()).isEqualTo(AppointmentStatus.IN_PROGRESS);
		assertThat(book.complete(ref(a), clinician).status()).isEqualTo(AppointmentStatus.COMPLETED);
		VisitDetails visit = views.detail(ref(a), clinician).visit();
		assertThat(visit.startedAt()).isNotNull();
		assertThat(visit.endedAt()).isNotNull().isAfterOrEqualTo(visit.startedAt());
		assertRefused(() -> book.start(ref(a), clinician), "INVALID_STATUS_TRANSITION", null);
	}

	@Test
	void theRemindersAndDetailsOfAnAppointmentAreReadByWhoeverSeesIt() {
		Set<Caller> seers = EnumSet.copyOf(STAFF_OF_A);
		seers.add(Caller.PATIENT_A);
		seers.add(Caller.CLINICIAN_OF_A);
		Appointment a = fresh();
		assertMatrix("reminders", seers, actor -> assertThat(book.reminders(ref(a), actor)).hasSize(1));
		assertMatrix("detail", seers, actor -> views.detail(ref(a), actor));
	}

	private void assertMatrix(String operation, Set<Caller> allowed, Consumer<Actor> call) {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			long deniedBefore = denials(actor);
			String outcome;
			try {
				call.accept(actor);
				outcome = "ALLOWED";
			}
			catch (Refusal e) {
				outcome = e.code();
			}
			String expected = allowed.contains(caller) ? "ALLOWED" : "FORBIDDEN";
			if (!outcome.equals(expected)) {
				wrong.add(caller + " expected " + expected + " but " + outcome);
			}
			else if (expected.equals("FORBIDDEN") && denials(actor) != deniedBefore + 1) {
				wrong.add(caller + " was refused without one audited refusal");
			}
		});
		assertThat(wrong).as(operation).isEmpty();
	}

	private long denials(Actor actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND outcome = 'DENIED'")
			.param(actor.userId()).query(Long.class).single();
	}

	/** A new appointment patient A booked by slot id with clinician A. */
	private Appointment fresh() {
		return book.bookSlot(nextSlot(), booking(), callers.get(Caller.PATIENT_A)).appointment();
	}

	private SlotId nextSlot() {
		while (day.getDayOfWeek().getValue() > 5 || hour > 16) {
			day = day.plusDays(1);
			hour = 9;
		}
		return new SlotId(clinicianA.id(), ZonedDateTime.of(day, LocalTime.of(hour++, 0), KOLKATA).toInstant());
	}

	private static LocalDate weekday(int daysAhead, DayOfWeek dayOfWeek) {
		return LocalDate.now(KOLKATA).plusDays(daysAhead).with(java.time.temporal.TemporalAdjusters.nextOrSame(dayOfWeek));
	}

	private static SlotBooking booking() {
		return new SlotBooking(ConsultationType.VIDEO, "Check-up", List.of(), null);
	}

	private static Ref ref(Appointment appointment) {
		return Ref.id(appointment.id());
	}

	private Actor as(long userId, Role role) {
		return new Actor(userId, accounts.get(userId).publicId(), role, UUID.randomUUID());
	}

	private Actor hire(Role role, Long centreId) {
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember(role + " " + phone, phone, null, null, "SecurePassword123", role,
				centreId), clinic.admin());
		return new Actor(member.id(), member.publicId(), role, UUID.randomUUID());
	}

	private Actor account(Role role) {
		String phone = Phones.newPhone();
		var account = accounts.open(new NewAccount(role + " " + phone, null, null, phone, "SecurePassword123", role));
		return new Actor(account.id(), account.publicId(), role, UUID.randomUUID());
	}
}
