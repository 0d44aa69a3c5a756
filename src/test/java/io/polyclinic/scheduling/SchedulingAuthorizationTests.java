package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
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
 * Who may do what in scheduling, asked of the module itself (no face, no HTTP): every caller of the common matrix
 * against patient A's appointment at centre A with clinician A (who cares for A). Each operation names who is let
 * through; everyone else must be refused with FORBIDDEN and an audited refusal — or, for lists, must not see A's
 * appointment. Removing any check in the module turns some cell of the matrix red.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one cast for the whole matrix: signing people up is slow
class SchedulingAuthorizationTests extends SchedulingModuleTest {

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_B, PHARMACIST, GUEST
	}

	static final Set<Caller> STAFF_OF_A = EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A,
			Caller.FRONT_DESK_OF_A);

	private static final AtomicInteger SLOTS = new AtomicInteger();

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
	TimeBlocks blocks;
	@Autowired
	JdbcClient jdbc;

	Centre centreA;
	Clinician clinicianA;
	Clinician otherClinician;
	Patient patientA;
	Appointment appointment;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@BeforeAll
	void cast() {
		centreA = clinic.centre("Pune");
		Centre centreB = clinic.centre("Nagpur");
		clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
		patientA = clinic.patient();
		Patient patientB = clinic.patient();
		// clinician A follows patient A (an accepted request), which lets them book for A
		clinic.follow(patientA, clinicianA);
		appointment = fresh();
		callers.put(Caller.PATIENT_A, clinic.actorOf(patientA.userId(), Role.PATIENT));
		callers.put(Caller.PATIENT_B, clinic.actorOf(patientB.userId(), Role.PATIENT));
		callers.put(Caller.CLINICIAN_OF_A, clinic.actorOf(clinicianA.userId(), Role.CLINICIAN));
		callers.put(Caller.OTHER_CLINICIAN, clinic.actorOf(otherClinician.userId(), Role.CLINICIAN));
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
	void readingAnAppointment() {
		assertMatrix("read", EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
				Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A),
				actor -> views.get(Ref.id(appointment.id()), actor));
		assertMatrix("read by public id", EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN,
				Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A),
				actor -> book.requireAccess(Ref.of(appointment.publicId()), actor, "READ"));
	}

	@Test
	void listingAppointments() {
		Set<Caller> seeIt = EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
				Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A);
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String outcome;
			try {
				var page = views.find(AppointmentQuery.all().withClinician(clinicianA.id()), PageRequest.of(0, 100),
						actor);
				outcome = page.getContent().stream().anyMatch(v -> v.appointment().id() == appointment.id()) ? "SEES"
						: "EMPTY";
			}
			catch (Refusal e) {
				outcome = e.code();
			}
			String expected = seeIt.contains(caller) ? "SEES"
					: caller == Caller.PHARMACIST || caller == Caller.GUEST ? "FORBIDDEN" : "EMPTY";
			if (!outcome.equals(expected)) {
				wrong.add(caller + " expected " + expected + " but " + outcome);
			}
		});
		assertThat(wrong).as("list").isEmpty();
	}

	@Test
	void listingAPatientsAppointments() {
		assertMatrix("patient's list", EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
				Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A),
				actor -> assertThat(views.ofPatient(Ref.id(patientA.id()), PageRequest.of(0, 10), actor).getContent())
					.isNotEmpty().allSatisfy(s -> assertThat(s.appointment().patientId()).isEqualTo(patientA.id())));
	}

	@Test
	void booking() {
		// clinician A books their own time for patient A, theirs (the other clinician: see AppointmentPartiesMatrixTests)
		assertMatrix("book", EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
				Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A), actor -> book.book(request(nextSlot()), actor));
	}

	@Test
	void cancelling() {
		assertMatrix("cancel", EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
				Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A),
				actor -> book.cancel(Ref.id(fresh().id()), "matrix", actor));
	}

	@Test
	void changing() {
		assertMatrix("change", STAFF_OF_A, actor -> book.change(Ref.id(appointment.id()),
				new AppointmentChanges(null, null, null, "seen by " + actor.role()), actor));
		assertMatrix("reschedule", STAFF_OF_A, actor -> {
			var slot = nextSlot();
			book.reschedule(Ref.id(fresh().id()), new AppointmentRequest.GridSlot(slot.date(), slot.time()), actor);
		});
	}

	@Test
	void confirming() {
		assertMatrix("confirm", STAFF_OF_A, actor -> book.confirm(Ref.id(fresh().id()), actor));
		assertThat(book.confirm(Ref.id(fresh().id()), Actor.system()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
	}

	@Test
	void completingAndMarkingMissed() {
		Set<Caller> carers = EnumSet.copyOf(STAFF_OF_A);
		carers.add(Caller.CLINICIAN_OF_A);
		assertMatrix("complete", carers, actor -> book.complete(Ref.id(fresh().id()), actor));
		// nobody misses a visit ahead, so the refusals must come before the clock is asked
		Set<Caller> refused = EnumSet.allOf(Caller.class);
		refused.removeAll(carers);
		assertMatrix("no-show", EnumSet.noneOf(Caller.class), refused, actor -> book.markNoShow(Ref.id(fresh().id()),
				actor));
	}

	@Test
	void startingAVisit() {
		Set<Caller> carers = EnumSet.copyOf(STAFF_OF_A);
		carers.add(Caller.CLINICIAN_OF_A);
		assertMatrix("start", carers, actor -> assertThat(book.start(Ref.id(fresh().id()), actor).status())
			.isEqualTo(AppointmentStatus.IN_PROGRESS));
		assertMatrix("start by an edit", carers, actor -> book.change(Ref.id(fresh().id()),
				new AppointmentChanges(null, null, AppointmentStatus.IN_PROGRESS, null), actor));
		// an edit that only cancels is open to whoever may cancel
		assertMatrix("cancel by an edit", EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN,
				Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A),
				actor -> book.change(Ref.id(fresh().id()),
						new AppointmentChanges(null, null, AppointmentStatus.CANCELLED, null), actor));
		// confirming stays with staff, whoever edits
		assertMatrix("confirm by an edit", STAFF_OF_A, actor -> book.change(Ref.id(fresh().id()),
				new AppointmentChanges(null, null, AppointmentStatus.CONFIRMED, null), actor));
	}

	@Test
	void removingAnAppointment() {
		// both parties remove an appointment ahead; one that took place: see AppointmentPartiesMatrixTests
		Set<Caller> removers = EnumSet.copyOf(STAFF_OF_A);
		removers.add(Caller.PATIENT_A);
		removers.add(Caller.CLINICIAN_OF_A);
		assertMatrix("remove", removers, actor -> book.remove(Ref.id(fresh().id()), actor));

		// removed, it is found by nobody, only by the clinic's own processes
		var removed = fresh();
		book.remove(Ref.id(removed.id()), clinic.admin());
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			try {
				views.get(Ref.id(removed.id()), actor);
				wrong.add(caller + " read a removed appointment");
			}
			catch (Refusal e) {
				if (!e.code().equals("NOT_FOUND")) {
					wrong.add(caller + " expected NOT_FOUND but " + e.code());
				}
			}
		});
		assertThat(wrong).as("removed").isEmpty();
		assertThat(views.get(Ref.id(removed.id()), Actor.system()).appointment().status())
			.isEqualTo(AppointmentStatus.CANCELLED);
		assertThat(book.require(removed.id()).id()).isEqualTo(removed.id());
	}

	@Test
	void settingTheClinicianHours() {
		var hours = List.of(new AvailabilityRule(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0), true,
				null), new AvailabilityRule(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null),
				new AvailabilityRule(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null),
				new AvailabilityRule(DayOfWeek.THURSDAY, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null),
				new AvailabilityRule(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null));
		// the clinician keeps their own hours too (sos's doctors set theirs)
		assertMatrix("hours", EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A, Caller.CLINICIAN_OF_A),
				actor -> availability.replaceRules(clinicianA.id(), hours, actor));
	}

	@Test
	void blockingTheClinicianTime() {
		var keepers = EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A);
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.SUNDAY).plusWeeks(30);
		assertMatrix("block", keepers, actor -> blocks.unblock(blocks.block(Ref.id(clinicianA.id()), day,
				LocalTime.of(10, 0), LocalTime.of(11, 0), "Training", actor).id(), actor));
		assertMatrix("blocks of the clinician", keepers, actor -> blocks.list(clinicianA.id(), day, day, true, actor));
		assertMatrix("blocks of every clinician", EnumSet.of(Caller.ADMIN, Caller.MANAGER),
				actor -> blocks.list(null, day, day, true, actor));
		assertMatrix("patients in blocked time", keepers,
				actor -> blocks.affectedPatients(Ref.id(clinicianA.id()), day, null, null, actor));
	}

	@Test
	void clearingADayOfTheClinicianHours() {
		assertMatrix("clear a day", EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A),
				actor -> availability.removeDay(clinicianA.id(), DayOfWeek.SATURDAY, null, actor));
	}

	@Test
	void theAgenda() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String outcome;
			try {
				var agenda = views.agenda(actor);
				outcome = agenda.upcoming().stream().anyMatch(v -> v.appointment().id() == appointment.id()) ? "SEES"
						: "EMPTY";
			}
			catch (Refusal e) {
				outcome = e.code();
			}
			String expected = caller == Caller.CLINICIAN_OF_A ? "SEES"
					: caller == Caller.OTHER_CLINICIAN ? "EMPTY" : "FORBIDDEN";
			if (!outcome.equals(expected)) {
				wrong.add(caller + " expected " + expected + " but " + outcome);
			}
		});
		assertThat(wrong).as("agenda").isEmpty();
	}

	private void assertMatrix(String operation, Set<Caller> allowed, Consumer<Actor> call) {
		Set<Caller> refused = EnumSet.allOf(Caller.class);
		refused.removeAll(allowed);
		assertMatrix(operation, allowed, refused, call);
	}

	/** Runs the call as every caller: those allowed must get through, those refused must get an audited 403. */
	private void assertMatrix(String operation, Set<Caller> allowed, Set<Caller> refused,
			Consumer<Actor> call) {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			if (!allowed.contains(caller) && !refused.contains(caller)) {
				return;
			}
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

	/** A new appointment of patient A with clinician A at centre A, at a slot nobody holds. */
	private Appointment fresh() {
		return book.book(request(nextSlot()), clinic.admin()).appointment();
	}

	private AppointmentRequest request(AppointmentRequest.GridSlot slot) {
		return AppointmentRequest.onGrid(Ref.id(patientA.id()), Ref.id(clinicianA.id()), centreA.id(), slot.date(),
				slot.time(), SessionType.IN_PERSON);
	}

	/** Weekdays from next week on, eight slots a day, each used once in the run. */
	private static AppointmentRequest.GridSlot nextSlot() {
		int n = SLOTS.getAndIncrement();
		LocalDate monday = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY).plusWeeks(n / 40);
		return new AppointmentRequest.GridSlot(monday.plusDays(n / 8 % 5), LocalTime.of(9 + n % 8, 0));
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
