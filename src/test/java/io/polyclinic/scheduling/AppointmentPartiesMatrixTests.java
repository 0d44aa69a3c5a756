package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static io.polyclinic.scheduling.AppointmentBookTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import io.polyclinic.directory.CareTeam;
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
 * Who may do what where the two parties arrange appointments themselves (DiabCare), asked of the module itself: a
 * booking at a free instant by the patient or by their clinician, the parties' edits, the patient's confirmation of
 * a time their clinician booked, and the diaries that only their owner reads. Every caller of the common matrix is
 * tried against patient A, who is clinician A's patient; those not let through must get an audited FORBIDDEN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one cast for the whole matrix: signing people up is slow
class AppointmentPartiesMatrixTests extends SchedulingModuleTest {

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_B, PHARMACIST, GUEST
	}

	static final Set<Caller> STAFF_OF_A = EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A,
			Caller.FRONT_DESK_OF_A);

	/** Far from the grid slots other tests book: whole hours, one consultation (60 minutes) each, never twice. */
	private static final Instant FAR = Instant.now().plus(Duration.ofDays(500)).truncatedTo(ChronoUnit.HOURS);
	private static final AtomicInteger HOURS = new AtomicInteger();

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	CareTeam careTeam;
	@Autowired
	AppointmentBook book;
	@Autowired
	AppointmentViews views;
	@Autowired
	JdbcClient jdbc;

	Clinician clinicianA;
	Clinician otherClinician;
	Patient patientA;
	Patient patientB;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@BeforeAll
	void cast() {
		Centre centreA = clinic.centre("Pune");
		Centre centreB = clinic.centre("Nagpur");
		clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
		patientA = clinic.patient();
		patientB = clinic.patient();
		clinic.follow(patientA, clinicianA);
		clinic.follow(patientB, otherClinician);
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
	void bookingAtAFreeInstant() {
		assertMatrix("book at an instant", EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN,
				Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A),
				actor -> book.book(atInstant(accountOf(patientA), clinicianA, next()), actor));

		Actor clinician = callers.get(Caller.CLINICIAN_OF_A);
		Actor other = callers.get(Caller.OTHER_CLINICIAN);
		// a clinician books their own time for their own patient, nothing else
		assertMatrixCell("another clinician's patient", other,
				() -> book.book(atInstant(accountOf(patientA), otherClinician, next()), other));
		assertMatrixCell("another clinician's time", clinician,
				() -> book.book(atInstant(accountOf(patientA), otherClinician, next()), clinician));
		assertMatrixCell("a patient not theirs", clinician,
				() -> book.book(atInstant(accountOf(patientB), clinicianA, next()), clinician));
		assertMatrixCell("an account that is no patient", clinician,
				() -> book.book(atInstant(UUID.randomUUID(), clinicianA, next()), clinician));
		assertMatrixCell("a clinician's account", clinician,
				() -> book.book(atInstant(otherClinician.accountId(), clinicianA, next()), clinician));
		assertThat(book.book(atInstant(accountOf(patientB), otherClinician, next()), other).appointment().patientId())
			.isEqualTo(patientB.id());
		// a patient names only their own account, whoever it is
		assertMatrixCell("another patient's account", callers.get(Caller.PATIENT_B),
				() -> book.book(atInstant(accountOf(patientA), clinicianA, next()), callers.get(Caller.PATIENT_B)));
		assertMatrixCell("an unknown account", callers.get(Caller.PATIENT_B),
				() -> book.book(atInstant(UUID.randomUUID(), clinicianA, next()), callers.get(Caller.PATIENT_B)));
	}

	@Test
	void anInstantIsOneConsultationWhateverTheWeeklyHours() {
		// 03:00 on a Sunday in Kolkata: clinician A works 09:00-17:00 on weekdays
		Instant night = java.time.LocalDate.now(KOLKATA).plusDays(300)
			.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY)).atTime(3, 0)
			.atZone(KOLKATA).toInstant();
		var booked = book.book(atInstant(accountOf(patientA), clinicianA, night), callers.get(Caller.PATIENT_A))
			.appointment();

		assertThat(booked.startsAt()).isEqualTo(night);
		assertThat(booked.endsAt()).isEqualTo(night.plus(Duration.ofMinutes(clinicianA.consultationMinutes())));
		assertThat(booked.status()).isEqualTo(AppointmentStatus.PENDING);
		assertThat(booked.bookedByUserId()).isEqualTo(patientA.userId());
		// the clinician's time is held: half an hour later overlaps, whoever books
		assertRefused(() -> book.book(atInstant(accountOf(patientA), clinicianA, night.plus(Duration.ofMinutes(30))),
				callers.get(Caller.CLINICIAN_OF_A)), "SLOT_UNAVAILABLE", null);
		assertRefused(() -> book.book(atInstant(accountOf(patientA), clinicianA, Instant.now().minusSeconds(60)),
				callers.get(Caller.PATIENT_A)), Refusal.INVALID_INPUT, "startsAt");
	}

	@Test
	void arrangingBetweenTheParties() {
		Set<Caller> parties = EnumSet.copyOf(STAFF_OF_A);
		parties.add(Caller.PATIENT_A);
		parties.add(Caller.CLINICIAN_OF_A);
		Set<Caller> clinicianAndStaff = EnumSet.copyOf(STAFF_OF_A);
		clinicianAndStaff.add(Caller.CLINICIAN_OF_A);

		assertMatrix("notes", parties, actor -> book.arrange(ref(fresh()), edit(null, "by " + actor.role()), actor));
		assertMatrix("cancel", parties,
				actor -> book.arrange(ref(fresh()), edit(AppointmentStatus.CANCELLED, null), actor));
		assertMatrix("confirm", clinicianAndStaff,
				actor -> book.arrange(ref(fresh()), edit(AppointmentStatus.CONFIRMED, null), actor));
		assertMatrix("complete", clinicianAndStaff,
				actor -> book.arrange(ref(fresh()), edit(AppointmentStatus.COMPLETED, null), actor));
		assertMatrix("move", clinicianAndStaff, actor -> book.arrange(ref(fresh()),
				new AppointmentChanges(null, null, AppointmentRequest.Interval.oneConsultationAt(next()), null, null,
						null, null, null, false), actor));
		assertMatrix("change the kind", clinicianAndStaff, actor -> book.arrange(ref(fresh()),
				new AppointmentChanges(null, null, null, null, null, ConsultationType.IN_PERSON, null, null, false),
				actor));
	}

	@Test
	void theClinicianCompletesFromPendingAndNothingGoesBackToPending() {
		Actor clinician = callers.get(Caller.CLINICIAN_OF_A);
		var completed = book.arrange(ref(fresh()), edit(AppointmentStatus.COMPLETED, null), clinician);
		assertThat(completed.status()).isEqualTo(AppointmentStatus.COMPLETED);

		var confirmed = book.arrange(ref(fresh()), edit(AppointmentStatus.CONFIRMED, "see you"), clinician);
		assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
		assertThat(confirmed.notes()).isEqualTo("see you");
		assertRefused(() -> book.arrange(ref(confirmed), edit(AppointmentStatus.PENDING, null), clinician),
				"INVALID_STATUS_TRANSITION", null);
		// a pending one asked to be pending stays as it is
		var pending = fresh();
		assertThat(book.arrange(ref(pending), edit(AppointmentStatus.PENDING, null), clinician).status())
			.isEqualTo(AppointmentStatus.PENDING);
		// a visit that took place stays on the record: its parties cannot remove it, staff can
		assertRefused(() -> book.remove(ref(completed), clinician), "INVALID_STATUS_TRANSITION", null);
		assertRefused(() -> book.remove(ref(completed), callers.get(Caller.PATIENT_A)), "INVALID_STATUS_TRANSITION",
				null);
		book.remove(ref(completed), clinic.admin());
	}

	@Test
	void removingByEitherParty() {
		Set<Caller> removers = EnumSet.copyOf(STAFF_OF_A);
		removers.add(Caller.PATIENT_A);
		removers.add(Caller.CLINICIAN_OF_A);
		assertMatrix("remove", removers, actor -> book.remove(ref(fresh()), actor));
	}

	@Test
	void thePatientConfirmsATimeTheirClinicianBooked() {
		Actor clinician = callers.get(Caller.CLINICIAN_OF_A);
		Actor patient = callers.get(Caller.PATIENT_A);
		assertMatrix("patient's confirmation", EnumSet.of(Caller.PATIENT_A), actor -> assertThat(book
			.confirmByPatient(ref(book.book(atInstant(accountOf(patientA), clinicianA, next()), clinician).appointment()),
					actor)
			.status()).isEqualTo(AppointmentStatus.CONFIRMED));

		// confirmed twice changes nothing; a time the patient booked themself waits for nobody's word
		var byClinician = book.book(atInstant(accountOf(patientA), clinicianA, next()), clinician).appointment();
		book.confirmByPatient(ref(byClinician), patient);
		assertThat(book.confirmByPatient(ref(byClinician), patient).status()).isEqualTo(AppointmentStatus.CONFIRMED);
		assertRefused(() -> book.confirmByPatient(ref(fresh()), patient), "NOT_BOOKED_BY_CLINICIAN", null);
		var cancelled = book.book(atInstant(accountOf(patientA), clinicianA, next()), clinician).appointment();
		book.cancel(ref(cancelled), null, clinician);
		assertRefused(() -> book.confirmByPatient(ref(cancelled), patient), "INVALID_STATUS_TRANSITION", null);
	}

	@Test
	void eachDiaryIsReadByItsOwnerAlone() {
		var mine = fresh();
		assertMatrix("clinician's diary", EnumSet.of(Caller.CLINICIAN_OF_A),
				actor -> assertThat(views.clinicianDiary(clinicianA.accountId(), AppointmentQuery.all(),
						PageRequest.of(0, 500), actor).getContent()).anyMatch(v -> v.appointment().id() == mine.id()));
		assertMatrix("clinician's counts", EnumSet.of(Caller.CLINICIAN_OF_A),
				actor -> assertThat(views.clinicianTally(clinicianA.accountId(), actor).get(AppointmentStatus.PENDING))
					.isPositive());
		assertMatrix("patient's diary", EnumSet.of(Caller.PATIENT_A),
				actor -> assertThat(views.patientDiary(accountOf(patientA), AppointmentQuery.all(),
						PageRequest.of(0, 500), actor).getContent()).anyMatch(v -> v.appointment().id() == mine.id()));

		// their own diaries show the others nothing of A's
		Actor other = callers.get(Caller.OTHER_CLINICIAN);
		assertThat(views.clinicianDiary(otherClinician.accountId(), AppointmentQuery.all(), PageRequest.of(0, 500), other)
			.getContent()).noneMatch(v -> v.appointment().patientId() == patientA.id());
		Actor patientB = callers.get(Caller.PATIENT_B);
		assertThat(views.patientDiary(accountOf(this.patientB), AppointmentQuery.all(), PageRequest.of(0, 500), patientB)
			.getContent()).noneMatch(v -> v.appointment().patientId() == patientA.id());
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

	/** One refused cell: FORBIDDEN, audited once. */
	private void assertMatrixCell(String what, Actor actor, Runnable call) {
		long deniedBefore = denials(actor);
		assertRefused(call, "FORBIDDEN", null);
		assertThat(denials(actor)).as(what).isEqualTo(deniedBefore + 1);
	}

	private long denials(Actor actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND outcome = 'DENIED'")
			.param(actor.userId()).query(Long.class).single();
	}

	/** A new appointment patient A booked with clinician A, at a time nobody holds. */
	private Appointment fresh() {
		return book.book(atInstant(accountOf(patientA), clinicianA, next()), callers.get(Caller.PATIENT_A))
			.appointment();
	}

	static AppointmentRequest atInstant(UUID patientAccount, Clinician clinician, Instant at) {
		return new AppointmentRequest(new AppointmentRequest.PatientAccount(patientAccount), Ref.id(clinician.id()),
				null, AppointmentRequest.Interval.oneConsultationAt(at), SessionType.ONLINE, null, "Follow-up",
				ConsultationType.ONLINE, List.of(), null);
	}

	static AppointmentChanges edit(AppointmentStatus status, String notes) {
		return new AppointmentChanges(null, null, null, status, notes, null, null, null, false);
	}

	private static Ref ref(Appointment appointment) {
		return Ref.of(appointment.publicId());
	}

	private static Instant next() {
		return FAR.plus(Duration.ofHours(HOURS.getAndIncrement()));
	}

	private UUID accountOf(Patient patient) {
		return accounts.get(patient.userId()).publicId();
	}

	/** A caller as a face hands them over: their account's own public id. */
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
