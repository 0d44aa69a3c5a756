package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
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
 * Slots a clinician opens in batches, asked of the module itself: who opens them (a clinician, on their own time),
 * how many a batch opens (a hand count over the next 28 days, today included), that they are offered and booked as
 * grid slots with their own length, and that a cancellation gives the time back at once. Callers not let through get
 * an audited FORBIDDEN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlotBatchesTests extends SchedulingModuleTest {

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_B, PHARMACIST, GUEST
	}

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	SlotBatches batches;
	@Autowired
	Availability availability;
	@Autowired
	AppointmentBook book;
	@Autowired
	JdbcClient jdbc;

	Clinician clinicianA;
	Patient patientA;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@BeforeAll
	void cast() {
		Centre centreA = clinic.centre("Pune");
		Centre centreB = clinic.centre("Nagpur");
		clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		Clinician otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
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
		// clinician A opens 10-minute slots from 06:00 to 09:00 on the day after tomorrow, whatever its weekday
		slotDay = LocalDate.now(KOLKATA).plusDays(2);
		batches.open(new SlotBatch(Set.of(slotDay.getDayOfWeek()), LocalTime.of(6, 0), LocalTime.of(9, 0), 10),
				callers.get(Caller.CLINICIAN_OF_A));
	}

	@Test
	void onlyAClinicianOpensSlots_onTheirOwnTime() {
		long before = opened(clinicianA.id());
		assertMatrix("open a batch", EnumSet.of(Caller.CLINICIAN_OF_A, Caller.OTHER_CLINICIAN),
				actor -> batches.open(new SlotBatch(Set.of(DayOfWeek.SUNDAY), LocalTime.of(22, 0), LocalTime.of(23, 0), 60),
						actor));

		Clinician other = clinic.clinician(null, KOLKATA.getId());
		assertThat(opened(other.id())).isZero();
		// one 22:00 slot on each Sunday of the 28 days (today's may have started)
		assertThat(opened(clinicianA.id()) - before).isBetween(3L, 4L);
	}

	@Test
	void aBatchOpensItsSlotsForTheNext28DaysFromToday_andRunningItAgainOpensNothing() {
		// a clinician whose clock is somewhere in its working day now, so that some of today's slots have started
		ZoneId zone = zoneAround(LocalTime.of(13, 0));
		Clinician clinician = clinic.clinician(null, zone.getId());
		Actor actor = as(clinician.userId(), Role.CLINICIAN);
		DayOfWeek today = LocalDate.now(zone).getDayOfWeek();
		Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, today);
		SlotBatch batch = new SlotBatch(days, LocalTime.of(9, 0), LocalTime.of(17, 0), 30);

		int before = handCount(zone, days, Instant.now());
		int created = batches.open(batch, actor);
		int after = handCount(zone, days, Instant.now());

		assertThat(created).isBetween(after, before);
		assertThat(opened(clinician.id())).isEqualTo(created);
		assertThat(batches.open(batch, actor)).isZero();
		// a longer length over the same hours overlaps what is open: nothing more
		assertThat(batches.open(new SlotBatch(days, LocalTime.of(9, 0), LocalTime.of(17, 0), 60), actor)).isZero();
		assertThat(opened(clinician.id())).isEqualTo(created);
	}

	@Test
	void aBatchThatMakesNoSenseIsRefusedByName() {
		Actor actor = callers.get(Caller.CLINICIAN_OF_A);
		LocalTime nine = LocalTime.of(9, 0);
		assertRefused(() -> batches.open(new SlotBatch(Set.of(), nine, LocalTime.of(17, 0), 30), actor),
				Refusal.INVALID_INPUT, "daysOfWeek");
		assertRefused(() -> batches.open(new SlotBatch(Set.of(DayOfWeek.MONDAY), nine, nine, 30), actor),
				Refusal.INVALID_INPUT, "endTime");
		assertRefused(() -> batches.open(new SlotBatch(Set.of(DayOfWeek.MONDAY), nine, LocalTime.of(8, 0), 30), actor),
				Refusal.INVALID_INPUT, "endTime");
		assertRefused(() -> batches.open(new SlotBatch(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0, 30),
				LocalTime.of(17, 0), 30), actor), Refusal.INVALID_INPUT, "startTime");
		for (int minutes : new int[] { 0, -30, 4, 481, 45 }) {
			assertRefused(() -> batches.open(new SlotBatch(Set.of(DayOfWeek.MONDAY), nine, LocalTime.of(17, 0),
					minutes), actor), Refusal.INVALID_INPUT, "slotDurationMinutes");
		}
	}

	@Test
	void openedSlotsAreOfferedAndBookedAsGridSlotsOfTheirOwnLength_andACancellationGivesOneBack() {
		Clinician clinician = clinic.clinician(null, KOLKATA.getId()); // weekdays 09-17, 60 minutes
		Actor doctor = as(clinician.userId(), Role.CLINICIAN);
		LocalDate saturday = LocalDate.now(KOLKATA).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		LocalDate monday = LocalDate.now(KOLKATA).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		batches.open(new SlotBatch(Set.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(12, 0), 30), doctor);
		batches.open(new SlotBatch(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(10, 0), 20), doctor);

		assertThat(availability.slots(clinician.id(), null, saturday)).extracting(Slot::time, Slot::endTime)
			.containsExactly(tuple(10, 0, 10, 30), tuple(10, 30, 11, 0), tuple(11, 0, 11, 30), tuple(11, 30, 12, 0));
		// on a weekday the opened 09:00 stands for the grid's 09:00, beside the weekly grid
		assertThat(availability.slots(clinician.id(), null, monday)).extracting(Slot::time)
			.startsWith(LocalTime.of(9, 0), LocalTime.of(9, 20), LocalTime.of(9, 40), LocalTime.of(10, 0))
			.hasSize(3 + 7);
		assertThat(availability.openSlots(clinician.id(), saturday, saturday)).extracting(OpenSlot::minutes)
			.containsOnly(30);

		Actor patient = callers.get(Caller.PATIENT_A);
		// as Mibo books (date and time), as hcp books (a slot id), as sos books (an interval inside the hours)
		Appointment byTime = book.book(AppointmentRequest.onGrid(Ref.id(patientA.id()), Ref.id(clinician.id()), null,
				saturday, LocalTime.of(10, 0), SessionType.ONLINE), clinic.admin()).appointment();
		Instant eleven = ZonedDateTime.of(saturday, LocalTime.of(11, 0), KOLKATA).toInstant();
		Appointment byId = book.bookSlot(new SlotId(clinician.id(), eleven), new SlotBooking(ConsultationType.VIDEO,
				null, List.of(), null), patient).appointment();
		Instant halfPast = eleven.plus(Duration.ofMinutes(30));
		Appointment byInterval = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(
				Ref.id(patientA.id())), Ref.id(clinician.id()), null, new AppointmentRequest.Interval(halfPast,
						halfPast.plus(Duration.ofMinutes(20)), true), SessionType.ONLINE, null, null), clinic.admin())
			.appointment();
		Appointment monday9 = book.book(AppointmentRequest.onGrid(Ref.id(patientA.id()), Ref.id(clinician.id()), null,
				monday, LocalTime.of(9, 0), SessionType.ONLINE), clinic.admin()).appointment();

		assertThat(minutes(byTime)).isEqualTo(30);
		assertThat(minutes(byId)).isEqualTo(30);
		assertThat(minutes(byInterval)).isEqualTo(20);
		assertThat(minutes(monday9)).isEqualTo(20);
		assertThat(availability.openSlots(clinician.id(), saturday, saturday)).extracting(OpenSlot::time)
			.containsExactly(LocalTime.of(10, 30));
		assertRefused(() -> book.book(AppointmentRequest.onGrid(Ref.id(clinic.patient().id()), Ref.id(clinician.id()),
				null, saturday, LocalTime.of(10, 0), SessionType.ONLINE), clinic.admin()), "SLOT_UNAVAILABLE", null);

		book.cancel(byTime.id(), "Emergency surgery required", doctor);
		assertThat(availability.openSlots(clinician.id(), saturday, saturday)).extracting(OpenSlot::time)
			.containsExactly(LocalTime.of(10, 0), LocalTime.of(10, 30));
		Appointment again = book.book(AppointmentRequest.onGrid(Ref.id(clinic.patient().id()), Ref.id(clinician.id()),
				null, saturday, LocalTime.of(10, 0), SessionType.ONLINE), clinic.admin()).appointment();
		assertThat(minutes(again)).isEqualTo(30);
	}

	@Test
	void theAppointmentsPartiesAndStaffWhoReachItCancel_andOnlyWhatIsOpen() {
		Set<Caller> allowed = EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
				Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A);
		assertMatrix("cancel", allowed, actor -> book.cancel(fresh().id(), "Cannot come", actor));

		Appointment a = fresh();
		Actor doctor = callers.get(Caller.CLINICIAN_OF_A);
		assertThat(book.cancel(a.id(), "Emergency", doctor).status()).isEqualTo(AppointmentStatus.CANCELLED);
		assertRefused(() -> book.cancel(a.id(), "Again", doctor), "INVALID_STATUS_TRANSITION", null);
		Appointment done = fresh();
		book.complete(Ref.id(done.id()), doctor);
		assertRefused(() -> book.cancel(done.id(), null, callers.get(Caller.PATIENT_A)), "INVALID_STATUS_TRANSITION",
				null);
		assertRefused(() -> book.cancel(987_654_321L, null, doctor), "NOT_FOUND", null);
	}

	/** A new appointment of patient A with clinician A in a slot clinician A opened, far ahead. */
	private Appointment fresh() {
		return book.book(AppointmentRequest.onGrid(Ref.id(patientA.id()), Ref.id(clinicianA.id()), null, slotDay,
				LocalTime.of(6, 0).plusMinutes(10L * slotIndex++), SessionType.ONLINE), clinic.admin()).appointment();
	}

	LocalDate slotDay;
	int slotIndex;

	private static long minutes(Appointment a) {
		return Duration.between(a.startsAt(), a.endsAt()).toMinutes();
	}

	private static org.assertj.core.groups.Tuple tuple(int h1, int m1, int h2, int m2) {
		return org.assertj.core.groups.Tuple.tuple(LocalTime.of(h1, m1), LocalTime.of(h2, m2));
	}

	/** Slots of 09:00-17:00, half an hour each, on the days named, from today to today + 27, not started at {@code now}. */
	static int handCount(ZoneId zone, Set<DayOfWeek> days, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		int count = 0;
		for (int d = 0; d < 28; d++) {
			LocalDate date = today.plusDays(d);
			if (!days.contains(date.getDayOfWeek())) {
				continue;
			}
			for (int k = 0; k < 16; k++) {
				if (date.atTime(9, 0).plusMinutes(30L * k).atZone(zone).toInstant().isAfter(now)) {
					count++;
				}
			}
		}
		return count;
	}

	/** A zone without summer time whose clock now reads about {@code time}. */
	static ZoneId zoneAround(LocalTime time) {
		ZonedDateTime utc = ZonedDateTime.now(java.time.ZoneOffset.UTC);
		int hours = (int) Math.floorMod(time.getHour() - utc.getHour(), 24);
		int offset = hours > 12 ? hours - 24 : hours; // -11 .. +12
		return ZoneId.of(offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
	}

	private long opened(long clinicianId) {
		return jdbc.sql("SELECT COUNT(*) FROM availability_slots WHERE clinician_id = ?").param(clinicianId)
			.query(Long.class).single();
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
