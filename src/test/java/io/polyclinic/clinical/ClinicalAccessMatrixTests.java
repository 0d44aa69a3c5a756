package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.MeetingPlaces;
import io.polyclinic.scheduling.PaymentStandings;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.Phones;
import io.polyclinic.support.TestDatabase;

/**
 * Who may write on a patient's record, asked of the clinical module itself (no face, no HTTP): the clinician who
 * cares for patient A and administrators may; patients, a clinician who does not care for A, and every other staff
 * role are refused with FORBIDDEN and one audited refusal. Removing the role check or the care check turns a cell red.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicalAccessMatrixTests {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_A, PHARMACIST, GUEST
	}

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
	AppointmentBook book;
	@Autowired
	ClinicalNotes notes;
	@Autowired
	JdbcClient jdbc;

	Patient patientA;
	Patient patientB;
	Appointment appointmentOfA;
	Appointment appointmentOfB;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeAll
	void cast() {
		Centre centreA = clinic.centre("Pune");
		Centre centreB = clinic.centre("Nagpur");
		Clinician clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		Clinician otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
		patientA = clinic.patient();
		patientB = clinic.patient();
		appointmentOfA = visit(patientA, clinicianA, centreA, 9);
		appointmentOfB = visit(patientB, otherClinician, centreB, 10);
		callers.put(Caller.PATIENT_A, clinic.actorOf(patientA.userId(), Role.PATIENT));
		callers.put(Caller.PATIENT_B, clinic.actorOf(patientB.userId(), Role.PATIENT));
		callers.put(Caller.CLINICIAN_OF_A, clinic.actorOf(clinicianA.userId(), Role.CLINICIAN));
		callers.put(Caller.OTHER_CLINICIAN, clinic.actorOf(otherClinician.userId(), Role.CLINICIAN));
		callers.put(Caller.ADMIN, clinic.admin());
		callers.put(Caller.MANAGER, hire(Role.MANAGER, null));
		callers.put(Caller.CENTRE_MANAGER_OF_A, hire(Role.CENTRE_MANAGER, centreA.id()));
		callers.put(Caller.CENTRE_MANAGER_OF_B, hire(Role.CENTRE_MANAGER, centreB.id()));
		callers.put(Caller.FRONT_DESK_OF_A, hire(Role.FRONT_DESK, centreA.id()));
		callers.put(Caller.CARE_COORDINATOR_OF_A, hire(Role.CARE_COORDINATOR, centreA.id()));
		callers.put(Caller.PHARMACIST, account(Role.PHARMACIST));
		callers.put(Caller.GUEST, account(Role.GUEST));
	}

	@Test
	void writingANoteOnPatientA() {
		Set<Caller> allowed = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.ADMIN);
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			long deniedBefore = denials(actor);
			String outcome;
			try {
				ClinicalNote note = notes.write(patientA.id(), appointmentOfA.id(), "Seen by " + caller, actor);
				outcome = note.patientId() == patientA.id() ? "ALLOWED" : "WRONG PATIENT";
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
		assertThat(wrong).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clinical_notes WHERE patient_id = ?").param(patientA.id())
			.query(Long.class).single()).isEqualTo(allowed.size());
	}

	@Test
	void readingPatientAsNotes() {
		Set<Caller> allowed = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.ADMIN);
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			long deniedBefore = denials(actor);
			String outcome;
			try {
				List<ClinicalNote> read = notes.ofPatient(patientA.id(), actor);
				outcome = read.stream().allMatch(n -> n.patientId() == patientA.id()) ? "ALLOWED" : "WRONG NOTES";
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
		assertThat(wrong).isEmpty();
		// newest first, the author named (on patient B, whose notes the other tests leave alone)
		Actor admin = callers.get(Caller.ADMIN);
		var older = notes.write(patientB.id(), null, "Older", admin);
		var newer = notes.write(patientB.id(), null, "Newer", admin);
		assertThat(notes.ofPatient(patientB.id(), admin)).extracting(ClinicalNote::id)
			.containsSubsequence(newer.id(), older.id());
		assertThat(notes.ofPatient(patientB.id(), admin)).allSatisfy(n -> assertThat(n.authorName()).isNotBlank());
	}

	@Test
	void aNoteNamesAnAppointmentOfItsOwnPatientOnly() {
		Actor admin = callers.get(Caller.ADMIN);

		assertThatThrownBy(() -> notes.write(patientA.id(), appointmentOfB.id(), "Wrong visit", admin))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
				assertThat(e.fields()).containsKey("appointmentId");
			});
	}

	@Test
	void aNoteIsNeitherBlankNorLongerThanTheLimit() {
		Actor clinician = callers.get(Caller.CLINICIAN_OF_A);

		assertThatThrownBy(() -> notes.write(patientA.id(), null, "  ", clinician))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("note"));
		assertThatThrownBy(() -> notes.write(patientA.id(), null, "x".repeat(ClinicalNotes.MAXIMUM_LENGTH + 1),
				clinician)).isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("note"));
		assertThat(notes.write(patientA.id(), null, "  Better today  ", clinician).note()).isEqualTo("Better today");
	}

	private Appointment visit(Patient patient, Clinician clinician, Centre centre, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(),
				Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY), LocalTime.of(hour, 0), SessionType.IN_PERSON),
				clinic.admin()).appointment();
	}

	private long denials(Actor actor) {
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
