package io.polyclinic.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.OtpDelivery;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.Phones;
import io.polyclinic.support.TestDatabase;

/**
 * Who may read which figures, asked of the module itself (no face, no HTTP): every caller of the matrix against every
 * method of {@link ClinicAnalytics}, for no centre, centre 1, centre 2 and a centre that does not exist. Patient A sees
 * clinician A at centre 1 twice (one follow-up); patient B sees clinician B at centre 2 once. An answer is named by
 * the figures it equals — those of centre 1, of centre 2 or of the clinic, as the clinic itself reads them — and a
 * refusal by its kind, FORBIDDEN ones only when audited. Removing any check turns some cell red.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "scheduling", "billing", "video", "notify" }) // modules whose events analytics follows, and theirs
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one cast for the whole matrix: hiring people is slow
class AnalyticsAccessMatrixTests {

	@Autowired
	AdminDashboard dashboard;

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_1,
		CENTRE_MANAGER_OF_2, UNASSIGNED_CENTRE_MANAGER, FRONT_DESK_OF_1, CARE_COORDINATOR_OF_1, SECRETARY_OF_1,
		PHARMACIST, GUEST
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	/** Identity sends sign-in codes through notify, which this test leaves out. */
	@MockitoBean
	OtpDelivery codes;

	/** Notify sends clinical's medicine reminders; clinical is not part of this test. */
	@MockitoBean
	io.polyclinic.clinical.MedicineReminders medicineReminders;

	@Autowired
	ClinicAnalytics analytics;
	@Autowired
	AnalyticsFigures figures;
	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	PatientRegistry patients;
	@Autowired
	AppointmentBook book;
	@Autowired
	JdbcClient jdbc;

	Centre centre1;
	Centre centre2;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@BeforeAll
	void cast() {
		centre1 = clinic.centre("Pune");
		centre2 = clinic.centre("Nagpur");
		Clinician clinicianA = clinic.clinician(centre1.id(), KOLKATA.getId());
		Clinician clinicianB = clinic.clinician(centre2.id(), KOLKATA.getId());
		Patient patientA = patient(LeadSource.WEBSITE);
		Patient patientB = patient(LeadSource.PHONE);
		var first = book(patientA, clinicianA, centre1, 9);
		book(patientA, clinicianA, centre1, 10);
		var other = book(patientB, clinicianB, centre2, 9);
		pay(first, 10_000);
		pay(other, 20_000);
		KeptFigures.rebuild(figures, jdbc);
		callers.put(Caller.PATIENT_A, clinic.actorOf(patientA.userId(), Role.PATIENT));
		callers.put(Caller.PATIENT_B, clinic.actorOf(patientB.userId(), Role.PATIENT));
		callers.put(Caller.CLINICIAN_OF_A, clinic.actorOf(clinicianA.userId(), Role.CLINICIAN));
		callers.put(Caller.OTHER_CLINICIAN, clinic.actorOf(clinicianB.userId(), Role.CLINICIAN));
		callers.put(Caller.ADMIN, clinic.admin());
		callers.put(Caller.MANAGER, hire(Role.MANAGER, null));
		callers.put(Caller.CENTRE_MANAGER_OF_1, hire(Role.CENTRE_MANAGER, centre1.id()));
		callers.put(Caller.CENTRE_MANAGER_OF_2, hire(Role.CENTRE_MANAGER, centre2.id()));
		callers.put(Caller.UNASSIGNED_CENTRE_MANAGER, hire(Role.CENTRE_MANAGER, null));
		callers.put(Caller.FRONT_DESK_OF_1, hire(Role.FRONT_DESK, centre1.id()));
		callers.put(Caller.CARE_COORDINATOR_OF_1, hire(Role.CARE_COORDINATOR, centre1.id()));
		callers.put(Caller.SECRETARY_OF_1, hire(Role.SECRETARY, centre1.id()));
		callers.put(Caller.PHARMACIST, account(Role.PHARMACIST));
		callers.put(Caller.GUEST, account(Role.GUEST));
	}

	@Test
	void theFiguresOfTheirOwnCentreAreWhatTheClinicCounts() {
		var one = analytics.overview(centre1.id(), Actor.system());
		assertThat(List.of(one.totalPatients(), one.totalDoctors(), one.totalFollowUps(), one.totalRevenueMinor()))
			.containsExactly(1L, 1L, 1L, 10_000L);
		var two = analytics.overview(centre2.id(), Actor.system());
		assertThat(List.of(two.totalPatients(), two.totalDoctors(), two.totalFollowUps(), two.totalRevenueMinor()))
			.containsExactly(1L, 1L, 0L, 20_000L);
	}

	/**
	 * The admin dashboard is clinic-wide: administrators, managers and staff who reach the whole clinic (a centre
	 * manager assigned to no centre) read it; staff of one centre, clinicians and patients are refused, each refusal
	 * audited.
	 */
	@Test
	void theAdminDashboardIsForStaffOfTheWholeClinic() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = switch (caller) {
				case ADMIN, MANAGER, UNASSIGNED_CENTRE_MANAGER -> "SEES";
				default -> "FORBIDDEN";
			};
			for (String read : List.of("stats", "payments")) {
				long deniedBefore = dashboardDenials(actor);
				String outcome;
				try {
					Object answer = read.equals("stats") ? dashboard.stats(actor)
							: dashboard.payments(AdminDashboard.Period.MONTH, null, null, actor);
					outcome = answer != null ? "SEES" : "NOTHING";
				}
				catch (Refusal e) {
					outcome = e.kind() == Refusal.Kind.FORBIDDEN && dashboardDenials(actor) != deniedBefore + 1
							? "FORBIDDEN WITHOUT AUDIT" : e.kind().name();
				}
				if (!outcome.equals(expected)) {
					wrong.add(caller + " " + read + " expected " + expected + " but " + outcome);
				}
			}
		});
		assertThat(wrong).isEmpty();
		var stats = dashboard.stats(Actor.system());
		assertThat(stats.appointments()).isGreaterThanOrEqualTo(3);
		assertThat(stats.revenue()).containsKey("INR");
	}

	private long dashboardDenials(Actor actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND resource_type = 'DASHBOARD' "
				+ "AND outcome = 'DENIED'").param(actor.userId()).query(Long.class).single();
	}

	@Test
	void overview() {
		assertMatrix((centre, actor) -> analytics.overview(centre, actor));
	}

	@Test
	void topDoctors() {
		assertMatrix((centre, actor) -> analytics.topDoctors(centre, ClinicAnalytics.MAXIMUM_TOP_DOCTORS, actor));
	}

	@Test
	void revenue() {
		assertMatrix((centre, actor) -> analytics.revenue(RevenuePeriod.MONTH, centre, actor));
	}

	@Test
	void leadsBySource() {
		assertMatrix((centre, actor) -> analytics.leadsBySource(centre, actor));
	}

	/**
	 * Administrators, managers and a centre manager assigned to no centre read any centre and the clinic; a centre
	 * manager of one centre reads that centre (asking for none included) and nothing else; everyone else nothing.
	 */
	private void assertMatrix(BiFunction<@Nullable Long, Actor, Object> read) {
		Map<Object, String> names = new LinkedHashMap<>();
		names.put(read.apply(centre1.id(), Actor.system()), "CENTRE 1");
		names.put(read.apply(centre2.id(), Actor.system()), "CENTRE 2");
		names.putIfAbsent(read.apply(null, Actor.system()), "CLINIC");
		assertThat(names).as("the three scopes answer differently").hasSize(3);
		long unknown = Long.MAX_VALUE;
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			List<String> expected = switch (caller) {
				case ADMIN, MANAGER, UNASSIGNED_CENTRE_MANAGER -> List.of("CLINIC", "CENTRE 1", "CENTRE 2", "NOT_FOUND");
				case CENTRE_MANAGER_OF_1 -> List.of("CENTRE 1", "CENTRE 1", "FORBIDDEN", "FORBIDDEN");
				case CENTRE_MANAGER_OF_2 -> List.of("CENTRE 2", "FORBIDDEN", "CENTRE 2", "FORBIDDEN");
				default -> List.of("FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
			};
			List<String> outcomes = new ArrayList<>();
			for (Long centre : new Long[] { null, centre1.id(), centre2.id(), unknown }) {
				long deniedBefore = denials(actor);
				String outcome;
				try {
					outcome = Objects.requireNonNullElse(names.get(read.apply(centre, actor)), "OTHER FIGURES");
				}
				catch (Refusal e) {
					outcome = e.kind() == Refusal.Kind.FORBIDDEN && denials(actor) != deniedBefore + 1
							? "FORBIDDEN WITHOUT AUDIT" : e.kind().name();
				}
				outcomes.add(outcome);
			}
			if (!outcomes.equals(expected)) {
				wrong.add(caller + " expected " + expected + " but " + outcomes);
			}
		});
		assertThat(wrong).isEmpty();
	}

	private long denials(Actor actor) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries
				WHERE actor_user_id = ? AND resource_type = 'ANALYTICS' AND outcome = 'DENIED'""")
			.param(actor.userId()).query(Long.class).single();
	}

	private Patient patient(LeadSource source) {
		String phone = Phones.newPhone();
		return patients.register(PatientDetails.named("Patient " + phone, phone), source, clinic.admin());
	}

	private Appointment book(Patient patient, Clinician clinician, Centre centre, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(),
				Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY), LocalTime.of(hour, 0), SessionType.IN_PERSON),
				clinic.admin()).appointment();
	}

	/** A payment settled an hour ago, written as billing writes it; the figures are rebuilt after. */
	private void pay(Appointment appointment, long amountMinor) {
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO payments (public_id, appointment_id, patient_id, amount_minor, currency, status, provider,
				  provider_order_id, paid_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'INR', 'PAID', 'offline', ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), appointment.id(), appointment.patientId(), amountMinor,
					"order_" + UUID.randomUUID(), now.minusHours(1), now, now)
			.update();
	}

	private Actor hire(Role role, @Nullable Long centreId) {
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
