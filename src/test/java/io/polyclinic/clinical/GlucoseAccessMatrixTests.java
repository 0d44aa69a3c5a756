package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.OtpDelivery;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.MeetingPlaces;
import io.polyclinic.scheduling.PaymentStandings;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.Phones;
import io.polyclinic.support.TestDatabase;

/**
 * Who may do what with glucose readings, asked of the clinical module itself (no face, no HTTP). A patient keeps
 * their own diary: patients A and B log, list and sum up their own readings; only A reads, changes and deletes A's
 * (to B they are not found). A's readings are read by the clinician who follows A and by the clinic's own processes;
 * the clinician who does not, A and B themselves through that door, and every staff role are refused. Every refusal
 * is audited once. Removing the patient check, the ownership check or the follow check turns a cell red.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlucoseAccessMatrixTests {

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A, FRONT_DESK_OF_A,
		CARE_COORDINATOR_OF_A, PHARMACIST, GUEST, SYSTEM
	}

	static final Set<Caller> PATIENTS = EnumSet.of(Caller.PATIENT_A, Caller.PATIENT_B);

	/** Identity sends sign-in codes through notify, which this test leaves out. */
	@MockitoBean
	OtpDelivery codes;
	/** Billing and video answer scheduling's read model; this module does not read it. */
	@MockitoBean
	PaymentStandings standings;
	@MockitoBean
	MeetingPlaces meetings;

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	CareTeam careTeam;
	@Autowired
	GlucoseReadings readings;
	@Autowired
	GlucoseStatistics statistics;
	@Autowired
	JdbcClient jdbc;

	Patient patientA;
	Patient patientB;
	UUID accountOfA;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeAll
	void cast() {
		Centre centreA = clinic.centre("Tunis");
		Centre centreB = clinic.centre("Sfax");
		Clinician clinicianA = clinic.clinician(centreA.id(), "Africa/Tunis");
		Clinician otherClinician = clinic.clinician(centreB.id(), "Africa/Tunis");
		patientA = clinic.patient();
		patientB = clinic.patient();
		accountOfA = accounts.get(patientA.userId()).publicId();
		clinic.follow(patientA, clinicianA);
		careTeam.enrol(patientA.id(), centreA.id());
		callers.put(Caller.PATIENT_A, clinic.actorOf(patientA.userId(), Role.PATIENT));
		callers.put(Caller.PATIENT_B, clinic.actorOf(patientB.userId(), Role.PATIENT));
		callers.put(Caller.CLINICIAN_OF_A, clinic.actorOf(clinicianA.userId(), Role.CLINICIAN));
		callers.put(Caller.OTHER_CLINICIAN, clinic.actorOf(otherClinician.userId(), Role.CLINICIAN));
		callers.put(Caller.ADMIN, clinic.admin());
		callers.put(Caller.MANAGER, hire(Role.MANAGER, null));
		callers.put(Caller.CENTRE_MANAGER_OF_A, hire(Role.CENTRE_MANAGER, centreA.id()));
		callers.put(Caller.FRONT_DESK_OF_A, hire(Role.FRONT_DESK, centreA.id()));
		callers.put(Caller.CARE_COORDINATOR_OF_A, hire(Role.CARE_COORDINATOR, centreA.id()));
		callers.put(Caller.PHARMACIST, account(Role.PHARMACIST));
		callers.put(Caller.GUEST, account(Role.GUEST));
		callers.put(Caller.SYSTEM, Actor.system());
	}

	@Test
	void loggingAReading() {
		long before = readingsOf(patientA) + readingsOf(patientB);
		matrix(PATIENTS, Set.of(), actor -> {
			GlucoseReading logged = readings.log(reading("110"), actor);
			return logged.patientId() == patientOf(actor) ? "ALLOWED" : "WRONG PATIENT";
		});
		assertThat(readingsOf(patientA) + readingsOf(patientB)).isEqualTo(before + 2);
	}

	@Test
	void listingOnesOwnReadings() {
		logAs(Caller.PATIENT_A, "101");
		logAs(Caller.PATIENT_B, "102");
		matrix(PATIENTS, Set.of(), actor -> {
			var page = readings.mine(PageRequest.of(0, 50), actor);
			boolean own = !page.isEmpty() && page.stream().allMatch(r -> r.patientId() == patientOf(actor));
			return own ? "ALLOWED" : "WRONG READINGS";
		});
		matrix(PATIENTS, Set.of(), actor -> {
			Instant now = Instant.now();
			var found = readings.between(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), actor);
			boolean own = !found.isEmpty() && found.stream().allMatch(r -> r.patientId() == patientOf(actor));
			return own ? "ALLOWED" : "WRONG READINGS";
		});
	}

	@Test
	void summingUpOnesOwnReadings() {
		logAs(Caller.PATIENT_A, "150");
		List<Function<Actor, Object>> figures = List.of(statistics::weekly, statistics::monthly, statistics::alerts,
				statistics::hba1c, a -> statistics.timeInRange(30, a), a -> statistics.byDay(7, ZoneOffset.UTC, a),
				statistics::trend);
		figures.forEach(figure -> matrix(PATIENTS, Set.of(), actor -> figure.apply(actor) == null ? "NONE" : "ALLOWED"));
		assertThat(statistics.weekly(callers.get(Caller.PATIENT_A)).count()).isPositive();
	}

	@Test
	void readingChangingAndDeletingAsReading() {
		GlucoseReading ofA = logAs(Caller.PATIENT_A, "120");
		Set<Caller> onlyA = EnumSet.of(Caller.PATIENT_A);
		Set<Caller> notFound = EnumSet.of(Caller.PATIENT_B);

		matrix(onlyA, notFound, actor -> readings.get(Ref.of(ofA.publicId()), actor).publicId().equals(ofA.publicId())
				? "ALLOWED" : "WRONG READING");
		matrix(onlyA, notFound, actor -> {
			var changes = new GlucoseReadingChanges(null, null, null, null, new GlucoseReadingChanges.Edit<>("changed"));
			return "changed".equals(readings.change(Ref.of(ofA.publicId()), changes, actor).note()) ? "ALLOWED"
					: "NOT CHANGED";
		});
		// each caller tries to delete a reading of A's of their own
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			GlucoseReading doomed = logAs(Caller.PATIENT_A, "130");
			String outcome = outcome(actor, a -> {
				readings.delete(Ref.of(doomed.publicId()), a);
				return "ALLOWED";
			});
			String expected = onlyA.contains(caller) ? "ALLOWED" : notFound.contains(caller) ? "NOT_FOUND" : "FORBIDDEN";
			boolean gone = exists(doomed) == 0;
			if (!outcome.equals(expected) || gone != expected.equals("ALLOWED")) {
				wrong.add(caller + " expected " + expected + " but " + outcome + (gone ? " (deleted)" : " (kept)"));
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void readingPatientAsReadingsAsTheirDoctor() {
		logAs(Caller.PATIENT_A, "140");
		Set<Caller> allowed = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.SYSTEM);
		matrix(allowed, Set.of(), actor -> {
			var page = readings.ofPatient(accountOfA, PageRequest.of(0, 20), actor);
			return !page.isEmpty() && page.stream().allMatch(r -> r.patientId() == patientA.id()
					&& r.patientAccountId().equals(accountOfA)) ? "ALLOWED" : "WRONG READINGS";
		});
		matrix(allowed, Set.of(), actor -> readings.ofPatient(patientA.id(), PageRequest.of(0, 20), actor)
			.getTotalElements() > 0 ? "ALLOWED" : "NOTHING");
	}

	@Test
	void anUnknownPatientIsRefusedAsAPatientNotFollowed() {
		Actor clinician = callers.get(Caller.CLINICIAN_OF_A);
		long before = denials(clinician);

		assertThat(outcome(clinician, a -> readings.ofPatient(UUID.randomUUID(), PageRequest.of(0, 5), a).toString()))
			.isEqualTo("FORBIDDEN");
		assertThat(denials(clinician)).isEqualTo(before + 1);
		assertThat(outcome(Actor.system(), a -> readings.ofPatient(UUID.randomUUID(), PageRequest.of(0, 5), a)
			.toString())).isEqualTo("NOT_FOUND");
	}

	/**
	 * Runs the call as every caller: the allowed ones answer ALLOWED, the not-found ones NOT_FOUND and everyone else
	 * FORBIDDEN, each refusal with one audited denial.
	 */
	private void matrix(Set<Caller> allowed, Set<Caller> notFound, Function<Actor, String> call) {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			long deniedBefore = denials(actor);
			String outcome = outcome(actor, call);
			String expected = allowed.contains(caller) ? "ALLOWED" : notFound.contains(caller) ? "NOT_FOUND" : "FORBIDDEN";
			if (!outcome.equals(expected)) {
				wrong.add(caller + " expected " + expected + " but " + outcome);
			}
			else if (!expected.equals("ALLOWED") && denials(actor) != deniedBefore + 1) {
				wrong.add(caller + " was refused without one audited refusal");
			}
		});
		assertThat(wrong).isEmpty();
	}

	private static String outcome(Actor actor, Function<Actor, String> call) {
		try {
			return call.apply(actor);
		}
		catch (Refusal e) {
			return e.code();
		}
	}

	private GlucoseReading logAs(Caller patient, String value) {
		return readings.log(reading(value), callers.get(patient));
	}

	private static NewGlucoseReading reading(String value) {
		return new NewGlucoseReading(new BigDecimal(value), GlucoseUnit.MG_DL, Instant.now().minusSeconds(60),
				GlucosePeriod.FASTING, null);
	}

	private long patientOf(Actor actor) {
		return actor.equals(callers.get(Caller.PATIENT_A)) ? patientA.id() : patientB.id();
	}

	private long readingsOf(Patient patient) {
		return jdbc.sql("SELECT COUNT(*) FROM glucose_readings WHERE patient_id = ?").param(patient.id())
			.query(Long.class).single();
	}

	private long exists(GlucoseReading reading) {
		return jdbc.sql("SELECT COUNT(*) FROM glucose_readings WHERE public_id = ?").param(reading.publicId())
			.query(Long.class).single();
	}

	/** Audited refusals of the caller; the clinic's own processes are audited as SYSTEM, without a user. */
	private long denials(Actor actor) {
		if (actor.isSystem()) {
			return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_role = 'SYSTEM' AND outcome = 'DENIED'")
				.query(Long.class).single();
		}
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND outcome = 'DENIED'")
			.param(actor.userId()).query(Long.class).single();
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
