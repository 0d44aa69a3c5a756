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
 * Who may do what with medical records, asked of the clinical module itself (no face, no HTTP), for every method:
 * patient A and B, the clinician who cares for A and one who does not, each staff role (of A's centre, of another
 * centre, of the whole clinic) and callers who reach nothing. A refusal is FORBIDDEN (an unshared record: not found,
 * to its patient) with exactly one audited refusal. Removing a role, care or reach check turns a cell red.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedicalRecordsAccessMatrixTests {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_A, SECRETARY_OF_A, SECRETARY_OF_CLINIC, PHARMACIST,
		GUEST, NO_RECORD
	}

	/** Those who write, change and read the records of patient A. */
	static final Set<Caller> CARERS_OF_A = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
			Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A, Caller.CARE_COORDINATOR_OF_A, Caller.SECRETARY_OF_A,
			Caller.SECRETARY_OF_CLINIC);

	/** Callers who reach no one: a list is refused to them, not empty. */
	static final Set<Caller> NOBODY = EnumSet.of(Caller.PHARMACIST, Caller.GUEST, Caller.NO_RECORD);

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
	MedicalRecords records;
	@Autowired
	JdbcClient jdbc;

	Centre centreA;
	Patient patientA;
	Patient patientB;
	Clinician clinicianA;
	Clinician otherClinician;
	Appointment appointmentOfA;
	Appointment appointmentOfB;
	MedicalRecord sharedOfA;
	MedicalRecord unsharedOfA;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeAll
	void cast() {
		centreA = clinic.centre("Pune");
		Centre centreB = clinic.centre("Nagpur");
		clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
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
		callers.put(Caller.SECRETARY_OF_A, hire(Role.SECRETARY, centreA.id()));
		callers.put(Caller.SECRETARY_OF_CLINIC, hire(Role.SECRETARY, null));
		callers.put(Caller.PHARMACIST, account(Role.PHARMACIST));
		callers.put(Caller.GUEST, account(Role.GUEST));
		callers.put(Caller.NO_RECORD, account(Role.PATIENT));
		sharedOfA = records.write(record(patientA, appointmentOfA, "Shared", true), clinic.admin());
		unsharedOfA = records.write(record(patientA, appointmentOfA, "Unshared", false), clinic.admin());
	}

	@Test
	void writingARecordOnPatientA() {
		long before = countOf(patientA);
		List<String> wrong = matrix(CARERS_OF_A, "FORBIDDEN", actor -> {
			MedicalRecord written = records.write(record(patientA, appointmentOfA, "By " + actor, true), actor);
			return written.patientId() == patientA.id() && written.clinicianId() == clinicianA.id()
					&& written.authorUserId() == actor.userId() ? "ALLOWED" : "WRONG RECORD";
		});
		assertThat(wrong).isEmpty();
		assertThat(countOf(patientA)).isEqualTo(before + CARERS_OF_A.size());
	}

	@Test
	void changingARecordOfPatientA() {
		List<String> wrong = matrix(CARERS_OF_A, "FORBIDDEN", actor -> {
			MedicalRecord changed = records.change(Ref.of(sharedOfA.publicId()),
					new MedicalRecordChanges(null, null, null, new MedicalRecordChanges.Edit("Seen by " + actor), null,
							null, null, null, null),
					actor);
			return changed.diagnosis().equals("Seen by " + actor) ? "ALLOWED" : "NOT CHANGED";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void readingASharedRecordOfPatientA() {
		Set<Caller> allowed = EnumSet.copyOf(CARERS_OF_A);
		allowed.add(Caller.PATIENT_A);
		List<String> wrong = matrix(allowed, "FORBIDDEN",
				actor -> records.get(Ref.of(sharedOfA.publicId()), actor).id() == sharedOfA.id() ? "ALLOWED" : "WRONG");
		assertThat(wrong).isEmpty();
	}

	@Test
	void aRecordNotSharedIsNotFoundByItsPatient() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = CARERS_OF_A.contains(caller) ? "ALLOWED"
					: caller == Caller.PATIENT_A ? "NOT_FOUND" : "FORBIDDEN";
			check(wrong, caller, actor, expected,
					() -> records.get(Ref.of(unsharedOfA.publicId()), actor).id() == unsharedOfA.id() ? "ALLOWED"
							: "WRONG");
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void listingPatientAsRecords() {
		var query = new MedicalRecordQuery(patientA.id(), null, null, null, MedicalRecordQuery.Order.CREATED_AT, true);
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = NOBODY.contains(caller) ? "FORBIDDEN"
					: CARERS_OF_A.contains(caller) ? "ALL" : caller == Caller.PATIENT_A ? "SHARED" : "NONE";
			check(wrong, caller, actor, expected, () -> {
				List<MedicalRecord> found = records.find(query, PageRequest.of(0, 100), actor).getContent();
				if (found.isEmpty()) {
					return "NONE";
				}
				if (found.stream().anyMatch(r -> r.patientId() != patientA.id())) {
					return "WRONG PATIENT";
				}
				boolean unshared = found.stream().anyMatch(r -> r.id() == unsharedOfA.id());
				boolean allShared = found.stream().allMatch(MedicalRecord::sharedWithPatient);
				return unshared ? "ALL" : allShared ? "SHARED" : "WRONG";
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void deletingARecordIsForAdministrators() {
		Set<Caller> allowed = EnumSet.of(Caller.ADMIN, Caller.MANAGER);
		List<String> wrong = matrix(allowed, "FORBIDDEN", actor -> {
			MedicalRecord doomed = records.write(record(patientA, appointmentOfA, "Doomed", true), clinic.admin());
			try {
				records.delete(Ref.of(doomed.publicId()), actor);
			}
			catch (Refusal e) {
				return kept(doomed) ? e.code() : "DELETED THOUGH REFUSED";
			}
			return kept(doomed) ? "NOT DELETED" : "ALLOWED";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void aDeletedRecordIsFoundByNoOne() {
		Actor admin = clinic.admin();
		MedicalRecord doomed = records.write(record(patientA, appointmentOfA, "Gone", true), admin);
		records.delete(Ref.of(doomed.publicId()), admin);

		assertThatThrownBy(() -> records.get(Ref.of(doomed.publicId()), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		assertThatThrownBy(() -> records.delete(Ref.of(doomed.publicId()), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		var all = records.find(new MedicalRecordQuery(patientA.id(), null, null, null,
				MedicalRecordQuery.Order.CREATED_AT, true), PageRequest.of(0, 100), admin).getContent();
		assertThat(all).extracting(MedicalRecord::id).doesNotContain(doomed.id()).isNotEmpty();
	}

	@Test
	void aClinicianWritesAsThemselfAndStaffNameTheDoctor() {
		Actor clinician = callers.get(Caller.CLINICIAN_OF_A);
		Actor admin = clinic.admin();
		var inAnotherName = new NewMedicalRecord(patientA.id(), otherClinician.id(), null, RecordType.NOTE, "Not mine",
				null, null, null, null, null, null, null);
		assertThatThrownBy(() -> records.write(inAnotherName, clinician))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));

		var noDoctor = new NewMedicalRecord(patientA.id(), null, null, RecordType.NOTE, "Whose?", null, null, null,
				null, null, null, null);
		assertThatThrownBy(() -> records.write(noDoctor, admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("clinicianId"));

		var named = new NewMedicalRecord(patientA.id(), otherClinician.id(), null, RecordType.NOTE, "Named", null, null,
				null, null, null, null, null);
		assertThat(records.write(named, admin).clinicianId()).isEqualTo(otherClinician.id());
	}

	@Test
	void aRecordIsCheckedBeforeItIsWritten() {
		Actor admin = clinic.admin();
		assertThatThrownBy(() -> records.write(record(patientA, appointmentOfB, "Wrong visit", true), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("appointmentId"));
		assertThatThrownBy(() -> records.write(record(patientA, appointmentOfA, "  ", true), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("title"));
		assertThatThrownBy(() -> records.write(new NewMedicalRecord(patientA.id(), null, appointmentOfA.id(), null,
				"No type", null, null, null, null, null, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("recordType"));
		assertThatThrownBy(() -> records.write(new NewMedicalRecord(patientA.id(), null, appointmentOfA.id(),
				RecordType.PRESCRIPTION, "Bad JSON", null, null, "\"aspirin\"", null, null, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("medications"));
		assertThatThrownBy(() -> records.write(new NewMedicalRecord(patientA.id() + 1_000_000, null, null,
				RecordType.NOTE, "Nobody", null, null, null, null, null, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void aChangeLeavesWhatItDoesNotNameAndEmptiesWhatItClears() {
		Actor admin = clinic.admin();
		MedicalRecord written = records.write(new NewMedicalRecord(patientA.id(), null, appointmentOfA.id(),
				RecordType.PRESCRIPTION, "Rx", "Two weeks", "Flu", "[{\"name\":\"Paracetamol\"}]", "{\"crp\":3}", null,
				"Rest", null), admin);
		assertThat(written.sharedWithPatient()).isTrue();

		MedicalRecord changed = records.change(Ref.of(written.publicId()), new MedicalRecordChanges(RecordType.NOTE,
				" Renamed ", new MedicalRecordChanges.Edit(null), null, null, null, null, null, false), admin);

		assertThat(changed.type()).isEqualTo(RecordType.NOTE);
		assertThat(changed.title()).isEqualTo("Renamed");
		assertThat(changed.description()).isNull();
		assertThat(changed.diagnosis()).isEqualTo("Flu");
		assertThat(changed.medications()).isEqualTo("[{\"name\":\"Paracetamol\"}]");
		assertThat(changed.labResults()).isEqualTo("{\"crp\":3}");
		assertThat(changed.notes()).isEqualTo("Rest");
		assertThat(changed.sharedWithPatient()).isFalse();
		assertThat(changed.updatedAt()).isAfterOrEqualTo(written.updatedAt());
	}

	@Test
	void aListIsFilteredSortedAndPagedInSql() {
		Actor admin = clinic.admin();
		Patient patient = clinic.patient();
		Appointment visit = visit(patient, clinicianA, centreA, 14);
		records.write(new NewMedicalRecord(patient.id(), null, visit.id(), RecordType.LAB_RESULT, "b labs", null, null,
				null, null, null, null, null), admin);
		records.write(new NewMedicalRecord(patient.id(), otherClinician.id(), null, RecordType.NOTE, "A note", null,
				null, null, null, null, null, null), admin);
		records.write(new NewMedicalRecord(patient.id(), null, visit.id(), RecordType.NOTE, "c note", null, null, null,
				null, null, null, null), admin);

		Function<MedicalRecordQuery, List<String>> titles = q -> records.find(q, PageRequest.of(0, 10), admin)
			.getContent().stream().map(MedicalRecord::title).toList();
		assertThat(titles.apply(new MedicalRecordQuery(patient.id(), null, null, null, MedicalRecordQuery.Order.TITLE,
				false))).containsExactly("A note", "b labs", "c note");
		assertThat(titles.apply(new MedicalRecordQuery(patient.id(), null, null, RecordType.NOTE,
				MedicalRecordQuery.Order.TITLE, true))).containsExactly("c note", "A note");
		assertThat(titles.apply(new MedicalRecordQuery(patient.id(), null, visit.id(), null,
				MedicalRecordQuery.Order.CREATED_AT, true))).containsExactly("c note", "b labs");
		assertThat(titles.apply(new MedicalRecordQuery(patient.id(), otherClinician.id(), null, null,
				MedicalRecordQuery.Order.UPDATED_AT, true))).containsExactly("A note");

		var query = new MedicalRecordQuery(patient.id(), null, null, null, MedicalRecordQuery.Order.TITLE, false);
		var second = records.find(query, PageRequest.of(1, 2), admin);
		assertThat(second.getContent()).extracting(MedicalRecord::title).containsExactly("c note");
		assertThat(second.getTotalElements()).isEqualTo(3);
		assertThat(records.find(query, PageRequest.of(5, 2), admin).getTotalElements()).isEqualTo(3);
	}

	/** Each caller's outcome against the expected one; a refusal must leave exactly one audited refusal. */
	private List<String> matrix(Set<Caller> allowed, String refusal, Function<Actor, String> call) {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> check(wrong, caller, actor, allowed.contains(caller) ? "ALLOWED" : refusal,
				() -> call.apply(actor)));
		return wrong;
	}

	private void check(List<String> wrong, Caller caller, Actor actor, String expected,
			java.util.function.Supplier<String> call) {
		long deniedBefore = denials(actor);
		String outcome;
		try {
			outcome = call.get();
		}
		catch (Refusal e) {
			outcome = e.code();
		}
		if (!outcome.equals(expected)) {
			wrong.add(caller + " expected " + expected + " but " + outcome);
		}
		else if ((expected.equals("FORBIDDEN") || expected.equals("NOT_FOUND")) && denials(actor) != deniedBefore + 1) {
			wrong.add(caller + " was refused without one audited refusal");
		}
	}

	private NewMedicalRecord record(Patient patient, Appointment appointment, String title, boolean shared) {
		return new NewMedicalRecord(patient.id(), null, appointment.id(), RecordType.DIAGNOSIS, title, "Description",
				"Diagnosis", "{\"items\":[]}", null, null, "Notes", shared);
	}

	private Appointment visit(Patient patient, Clinician clinician, Centre centre, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()),
				centre.id(), Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY),
				LocalTime.of(hour, 0), SessionType.IN_PERSON), clinic.admin()).appointment();
	}

	private boolean kept(MedicalRecord record) {
		return jdbc.sql("SELECT COUNT(*) FROM medical_records WHERE id = ? AND deleted_at IS NULL").param(record.id())
			.query(Long.class).single() == 1;
	}

	private long countOf(Patient patient) {
		return jdbc.sql("SELECT COUNT(*) FROM medical_records WHERE patient_id = ?").param(patient.id())
			.query(Long.class).single();
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
