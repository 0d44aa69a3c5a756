package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.polyclinic.identity.OtpDelivery;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.TestDatabase;

/**
 * Who may do what in the directory, asked of the module itself (no face, no HTTP): every caller against every
 * operation on patients, centres, clinicians and staff. Patient A belongs to centre A and is cared for by clinician
 * A; patient B belongs to no one. Each refusal must be a FORBIDDEN refusal, written to the audit trail.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one clinic for the whole matrix: its callers are slow to hire
class DirectoryAccessMatrixTests {

	private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 10_000_000);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("polyclinic.demo-clinic", () -> "false");
	}

	/** Codes go nowhere here: directory is tested alone. */
	@MockitoBean
	OtpDelivery codes;

	@Autowired
	PatientRegistry patients;
	@Autowired
	CentreRegistry centres;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	StaffRegistry staff;
	@Autowired
	CareTeam careTeam;
	@Autowired
	Accounts accounts;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	io.polyclinic.directory.People people;

	Centre centreA;
	Centre otherCentre;
	Patient patientA;
	Patient patientB;
	Clinician clinicianA;
	Clinician clinicianB;
	/** Every caller of the matrix, by name. */
	Map<String, Actor> callers = new LinkedHashMap<>();

	static final String PATIENT_A = "patient A", PATIENT_B = "patient B", CLINICIAN_A = "clinician caring for A",
			CLINICIAN_B = "clinician not caring for A", ADMIN = "admin", MANAGER = "manager",
			CENTRE_MANAGER = "centre manager of A's centre", OTHER_CENTRE_MANAGER = "centre manager of another centre",
			FRONT_DESK = "front desk of A's centre", CARE_COORDINATOR = "care coordinator of A's centre",
			PHARMACIST = "pharmacist (no reach)";

	@BeforeAll
	void clinic() {
		Actor system = Actor.system();
		centreA = centres.open(new CentreDetails("Centre A", "Bangalore", null, null, null, null), system);
		otherCentre = centres.open(new CentreDetails("Other", "Mumbai", null, null, null, null), system);
		patientA = patients.register(PatientDetails.named("Patient A", phone()), LeadSource.WEBSITE, system);
		patientB = patients.register(PatientDetails.named("Patient B", phone()), LeadSource.WEBSITE, system);
		clinicianA = clinician(centreA.id());
		clinicianB = clinician(otherCentre.id());
		careTeam.link(patientA.id(), clinicianA.id());
		careTeam.enrol(patientA.id(), centreA.id());
		callers.put(PATIENT_A, actor(patientA.userId(), Role.PATIENT));
		callers.put(PATIENT_B, actor(patientB.userId(), Role.PATIENT));
		callers.put(CLINICIAN_A, actor(clinicianA.userId(), Role.CLINICIAN));
		callers.put(CLINICIAN_B, actor(clinicianB.userId(), Role.CLINICIAN));
		callers.put(ADMIN, hire(Role.ADMIN, null));
		callers.put(MANAGER, hire(Role.MANAGER, null));
		callers.put(CENTRE_MANAGER, hire(Role.CENTRE_MANAGER, centreA.id()));
		callers.put(OTHER_CENTRE_MANAGER, hire(Role.CENTRE_MANAGER, otherCentre.id()));
		callers.put(FRONT_DESK, hire(Role.FRONT_DESK, centreA.id()));
		callers.put(CARE_COORDINATOR, hire(Role.CARE_COORDINATOR, centreA.id()));
		var pharmacist = accounts.open(new NewAccount("Pharmacist", null, null, phone(), "SecurePassword123",
				Role.PHARMACIST));
		callers.put(PHARMACIST, actor(pharmacist.id(), Role.PHARMACIST));
	}

	@Test
	void readingAPatient() {
		expect(Set.of(PATIENT_A, CLINICIAN_A, ADMIN, MANAGER, CENTRE_MANAGER, FRONT_DESK, CARE_COORDINATOR),
				actor -> patients.get(patientA.id(), actor), "PATIENT");
		// named by their account, as the Mibo admin panel names patients when it books: the same rule
		expect(Set.of(PATIENT_A, CLINICIAN_A, ADMIN, MANAGER, CENTRE_MANAGER, FRONT_DESK, CARE_COORDINATOR),
				actor -> assertThat(patients.ofAccount(patientA.userId(), actor).id()).isEqualTo(patientA.id()),
				"PATIENT");
	}

	@Test
	void changingAPatient() {
		expect(Set.of(PATIENT_A, ADMIN, MANAGER, CENTRE_MANAGER, FRONT_DESK, CARE_COORDINATOR),
				actor -> patients.change(patientA.id(), new PatientDetails(null, null, null, null, null, "O+", null,
						null, null), actor), "PATIENT");
	}

	@Test
	void searchingPatientsFindsOnlyThoseTheCallerReaches() {
		Set<String> searchers = Set.of(CLINICIAN_A, CLINICIAN_B, ADMIN, MANAGER, CENTRE_MANAGER, OTHER_CENTRE_MANAGER,
				FRONT_DESK, CARE_COORDINATOR);
		expect(searchers, actor -> patients.search("Patient A", null, PageRequest.of(0, 100), actor), "PATIENT");
		Map<String, Boolean> findsA = new LinkedHashMap<>();
		for (String name : searchers) {
			findsA.put(name, patients.search(null, patientA.phone(), PageRequest.of(0, 10), callers.get(name))
				.getContent().stream().anyMatch(p -> p.id() == patientA.id()));
		}
		assertThat(findsA).containsExactlyInAnyOrderEntriesOf(Map.of(CLINICIAN_A, true, CLINICIAN_B, false, ADMIN,
				true, MANAGER, true, CENTRE_MANAGER, true, OTHER_CENTRE_MANAGER, false, FRONT_DESK, true,
				CARE_COORDINATOR, true));
	}

	@Test
	void registeringAPatientAtTheCallersCentre() {
		expect(Set.of(ADMIN, MANAGER, CENTRE_MANAGER, OTHER_CENTRE_MANAGER, FRONT_DESK, CARE_COORDINATOR),
				actor -> patients.register(PatientDetails.named("New", phone()), LeadSource.PHONE, actor), "PATIENT");
		// a centre's staff register at their centre: the other centre's manager does not reach the new patient
		Patient walkIn = patients.register(PatientDetails.named("Walk In", phone()), LeadSource.WALK_IN,
				callers.get(FRONT_DESK));
		assertThat(patients.get(walkIn.id(), callers.get(CENTRE_MANAGER)).id()).isEqualTo(walkIn.id());
		assertForbidden(() -> patients.get(walkIn.id(), callers.get(OTHER_CENTRE_MANAGER)));
	}

	@Test
	void openingClosingAndSwitchingCentres() {
		Set<String> setUp = Set.of(ADMIN, MANAGER);
		expect(setUp, actor -> centres.open(new CentreDetails("New", "Pune", null, null, null, null), actor), "CENTRE");
		expect(setUp, actor -> centres.toggleActive(centreA.id(), actor), "CENTRE");
		expect(setUp, actor -> centres.close(centres.open(new CentreDetails("Gone", "Pune", null, null, null, null),
				Actor.system()).id(), actor), "CENTRE");
	}

	@Test
	void describingACentre() {
		expect(Set.of(ADMIN, MANAGER, CENTRE_MANAGER),
				actor -> centres.change(centreA.id(), new CentreDetails(null, null, "2 New Road", null, null, null),
						actor), "CENTRE");
	}

	@Test
	void keepingClinicians() {
		Set<String> keepers = Set.of(ADMIN, MANAGER, CENTRE_MANAGER);
		expect(keepers, actor -> clinicians.register(details("Dr. New", centreA.id()), null, "SecurePassword123",
				actor), "CLINICIAN");
		// a clinician keeps their own profile (sos's doctors edit theirs), never another's
		Set<String> keepersAndSelf = new java.util.HashSet<>(keepers);
		keepersAndSelf.add(CLINICIAN_A);
		expect(keepersAndSelf, actor -> clinicians.change(clinicianA.id(), details(null, null), actor), "CLINICIAN");
		expect(keepers, actor -> clinicians.toggleActive(clinicianA.id(), actor), "CLINICIAN");
		expect(keepers, actor -> clinicians.remove(clinician(centreA.id()).id(), actor), "CLINICIAN");
		expect(keepers, actor -> clinicians.changeCredentials(clinicianA.id(), null, "AnotherPassword123", actor),
				"CLINICIAN");
		// a centre manager keeps only their centre's clinicians, and cannot send one to another centre
		Actor centreManager = callers.get(CENTRE_MANAGER);
		assertForbidden(() -> clinicians.register(details("Dr. Elsewhere", otherCentre.id()), null,
				"SecurePassword123", centreManager));
		assertForbidden(() -> clinicians.change(clinicianB.id(), details(null, null), centreManager));
		assertForbidden(() -> clinicians.change(clinicianA.id(), details(null, otherCentre.id()), centreManager));
		assertForbidden(() -> clinicians.change(clinicianA.id(), details(null, otherCentre.id()),
				callers.get(CLINICIAN_A)));
		assertThat(clinicians.get(clinicianA.id()).primaryCentreId()).isEqualTo(centreA.id());
	}

	@Test
	void makingSomeoneAClinician() {
		expect(Set.of(ADMIN, MANAGER, CENTRE_MANAGER), actor -> {
			var someone = patients.register(PatientDetails.named("Future Doctor", phone()), LeadSource.WEBSITE,
					Actor.system());
			clinicians.appoint(accounts.get(someone.userId()).publicId(), details(null, centreA.id()),
					io.polyclinic.directory.ClinicianPractice.none(),
					io.polyclinic.directory.ClinicianListing.Changes.none(), actor);
		}, "CLINICIAN");
	}

	@Test
	void lookingUpPeople() {
		Set<String> staffReaders = Set.of(ADMIN, MANAGER, CENTRE_MANAGER, OTHER_CENTRE_MANAGER, FRONT_DESK,
				CARE_COORDINATOR);
		expect(staffReaders, actor -> people.find(Set.of(), null, null, org.springframework.data.domain.PageRequest.of(0,
				5), actor), "USER");
		Set<String> selfAndReaders = new java.util.HashSet<>(staffReaders);
		selfAndReaders.add(PATIENT_A);
		UUID patientAccount = accounts.get(patientA.userId()).publicId();
		expect(selfAndReaders, actor -> people.get(patientAccount, actor), "USER");
	}

	@Test
	void onlyTheClinicsStaffFindUnlistedClinicians() {
		Clinician hidden = clinician(centreA.id());
		clinicians.change(hidden.id(), details(null, null), io.polyclinic.directory.ClinicianPractice.none(),
				new io.polyclinic.directory.ClinicianListing.Changes(false, null, null), Actor.system());
		var search = new io.polyclinic.directory.ClinicianSearch(hidden.fullName(), null, null, null, null,
				io.polyclinic.directory.ClinicianSearch.Order.CREATED_AT, false);
		var page = org.springframework.data.domain.PageRequest.of(0, 5);
		for (var caller : callers.entrySet()) {
			boolean staffCaller = caller.getValue().isStaff();
			assertThat(clinicians.search(search, page, caller.getValue()).getTotalElements())
				.as(caller.getKey()).isEqualTo(staffCaller ? 1 : 0);
		}
		assertThat(clinicians.search(search, page, null).getTotalElements()).as("anonymous").isZero();
		// one by one, the same: staff see them, everyone else (anonymous too) is told there is none
		for (var caller : callers.entrySet()) {
			String outcome;
			try {
				outcome = clinicians.shownTo(hidden.accountId(), caller.getValue()).id() == hidden.id() ? "SEES" : "OTHER";
			}
			catch (Refusal e) {
				outcome = e.kind().name();
			}
			assertThat(outcome).as(caller.getKey()).isEqualTo(caller.getValue().isStaff() ? "SEES" : "NOT_FOUND");
		}
		assertThatThrownBy(() -> clinicians.shownTo(hidden.accountId(), null)).isInstanceOf(Refusal.class);
		assertThat(clinicians.shownTo(hidden.accountId(), actor(hidden.userId(), Role.CLINICIAN)).id())
			.as("the clinician themself").isEqualTo(hidden.id());
	}

	@Test
	void runningStaff() {
		expect(Set.of(ADMIN, MANAGER), actor -> staff.hire(newStaff(Role.FRONT_DESK), actor), "STAFF");
		expect(Set.of(ADMIN), actor -> staff.hire(newStaff(Role.MANAGER), actor), "STAFF");
		long frontDesk = callers.get(FRONT_DESK).userId();
		expect(Set.of(ADMIN), actor -> staff.get(frontDesk, actor), "STAFF");
		expect(Set.of(ADMIN), actor -> staff.find(null, null, PageRequest.of(0, 10), actor), "STAFF");
		expect(Set.of(ADMIN), actor -> staff.change(frontDesk, "Renamed Desk", null, null, null, null, actor),
				"STAFF");
		expect(Set.of(ADMIN, MANAGER), actor -> staff.toggleActive(frontDesk, actor), "STAFF");
		expect(Set.of(ADMIN), actor -> staff.dismiss(staff.hire(newStaff(Role.FRONT_DESK), Actor.system()).id(), actor),
				"STAFF");
	}

	/**
	 * Calls the operation as every caller: those allowed must succeed, every other must be refused with FORBIDDEN
	 * and leave a DENIED line in the audit trail.
	 */
	void expect(Set<String> allowed, Consumer<Actor> operation, String resourceType) {
		Map<String, String> outcomes = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		for (var caller : callers.entrySet()) {
			long deniedBefore = denials(caller.getValue(), resourceType);
			String outcome;
			try {
				operation.accept(caller.getValue());
				outcome = "allowed";
			}
			catch (Refusal refusal) {
				outcome = refusal.kind() == Refusal.Kind.FORBIDDEN
						&& denials(caller.getValue(), resourceType) > deniedBefore ? "refused" : refusal.toString();
			}
			outcomes.put(caller.getKey(), outcome);
			expected.put(caller.getKey(), allowed.contains(caller.getKey()) ? "allowed" : "refused");
		}
		assertThat(outcomes).isEqualTo(expected);
	}

	long denials(Actor actor, String resourceType) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries
				WHERE actor_user_id = ? AND resource_type = ? AND outcome = 'DENIED'""")
			.params(actor.userId(), resourceType)
			.query(Long.class)
			.single();
	}

	static void assertForbidden(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class,
				e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	Actor hire(Role role, Long centreId) {
		return actor(staff.hire(newStaff(role, centreId), Actor.system()).id(), role);
	}

	static NewStaffMember newStaff(Role role) {
		return newStaff(role, null);
	}

	static NewStaffMember newStaff(Role role, Long centreId) {
		String phone = phone();
		return new NewStaffMember("Staff " + phone, phone, null, null, "SecurePassword123", role, centreId);
	}

	Clinician clinician(long centreId) {
		return clinicians.register(details("Dr. " + phone(), centreId), null, "SecurePassword123", Actor.system());
	}

	static ClinicianDetails details(String name, Long centreId) {
		return new ClinicianDetails(name, name == null ? null : phone(), null, centreId, List.of("Therapist"), null,
				null, null, null, null, null, null, null);
	}

	static Actor actor(long userId, Role role) {
		return new Actor(userId, UUID.randomUUID(), role, UUID.randomUUID());
	}

	static String phone() {
		return "+9197" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
	}
}
