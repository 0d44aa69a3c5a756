package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

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
import io.polyclinic.scheduling.MeetingPlaces;
import io.polyclinic.scheduling.PaymentStandings;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.Phones;
import io.polyclinic.support.TestDatabase;
import io.polyclinic.support.TestImages;

/**
 * The consultation room's rules, asked of the clinical module itself (no face, no HTTP): patient A and B, the
 * clinician of A's appointment, one who follows A only through an accepted request, one whose only appointment with A
 * was cancelled, one who does not care for A, each staff role and callers who reach nothing. The medical profile is
 * for the clinician with an appointment alone; a report request for every clinician who cares for A (the care link);
 * the dashboard's figures for clinicians, each their own. A refusal is FORBIDDEN with exactly one audited refusal.
 * Then what the profile reads, the checks of a request, and codes under concurrency.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationRoomMatrixTests {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, FOLLOWER_OF_A, CANCELLED_CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN,
		MANAGER, CENTRE_MANAGER_OF_A, CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_A, SECRETARY_OF_A,
		SECRETARY_OF_CLINIC, PHARMACIST, GUEST, NO_RECORD
	}

	/** Those with an appointment with A that was not cancelled: the one who opens A's profile. */
	static final Set<Caller> CONSULTANT = EnumSet.of(Caller.CLINICIAN_OF_A);

	/** Clinicians who care for A (an appointment, even one cancelled, or an accepted request): they ask for reports. */
	static final Set<Caller> CARERS = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.FOLLOWER_OF_A,
			Caller.CANCELLED_CLINICIAN_OF_A);

	static final Set<Caller> CLINICIANS = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.FOLLOWER_OF_A,
			Caller.CANCELLED_CLINICIAN_OF_A, Caller.OTHER_CLINICIAN);

	@MockitoBean
	OtpDelivery codes;
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
	PatientRegistry patients;
	@Autowired
	AppointmentBook book;
	@Autowired
	Encounters encounters;
	@Autowired
	Prescriptions prescriptions;
	@Autowired
	MedicalHistories histories;
	@Autowired
	MedicalDocuments documents;
	@Autowired
	MedicalProfiles profiles;
	@Autowired
	ReportRequests requests;
	@Autowired
	JdbcClient jdbc;

	Centre centreA;
	Centre centreB;
	Patient patientA;
	Patient patientB;
	Clinician clinicianA;
	Clinician follower;
	Clinician cancelledClinician;
	Clinician otherClinician;
	Appointment appointmentOfA;
	int hour = 9;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeAll
	void cast() {
		centreA = clinic.centre("Pune");
		centreB = clinic.centre("Nagpur");
		clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		follower = clinic.clinician(centreA.id(), KOLKATA.getId());
		cancelledClinician = clinic.clinician(centreA.id(), KOLKATA.getId());
		otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
		patientA = patients.register(new PatientDetails("Patient A " + Phones.newPhone(), Phones.newPhone(), null,
				null, null, "O+", null, null, null), io.polyclinic.directory.LeadSource.WEBSITE, clinic.admin());
		patientB = clinic.patient();
		appointmentOfA = visit(patientA, clinicianA, centreA);
		clinic.follow(patientA, follower);
		book.cancel(visit(patientA, cancelledClinician, centreA).id(), "Travel", clinic.admin());
		visit(patientB, otherClinician, centreB);
		callers.put(Caller.PATIENT_A, clinic.actorOf(patientA.userId(), Role.PATIENT));
		callers.put(Caller.PATIENT_B, clinic.actorOf(patientB.userId(), Role.PATIENT));
		callers.put(Caller.CLINICIAN_OF_A, clinic.actorOf(clinicianA.userId(), Role.CLINICIAN));
		callers.put(Caller.FOLLOWER_OF_A, clinic.actorOf(follower.userId(), Role.CLINICIAN));
		callers.put(Caller.CANCELLED_CLINICIAN_OF_A, clinic.actorOf(cancelledClinician.userId(), Role.CLINICIAN));
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
	}

	@Test
	void readingTheMedicalProfileOfPatientA() {
		List<String> wrong = matrix(CONSULTANT, "FORBIDDEN",
				actor -> profiles.of(patientA.id(), actor).patientId() == patientA.id() ? "ALLOWED" : "WRONG");
		assertThat(wrong).isEmpty();
		assertThatThrownBy(() -> profiles.of(patientA.id() + 1_000_000, doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void askingPatientAForReports() {
		List<String> wrong = matrix(CARERS, "FORBIDDEN", actor -> {
			ReportRequest written = requests.request(new NewReportRequest(patientA.id(), "CBC", tomorrow(), null),
					actor);
			return written.patientId() == patientA.id() && written.status() == ReportRequestStatus.PENDING
					? "ALLOWED" : "WRONG REQUEST";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void listingRequestsIsTheClinicianWhoAskedAndThePatientAsked() {
		ReportRequest asked = requests.request(new NewReportRequest(patientA.id(), "Lipid profile", tomorrow(),
				null), callers.get(Caller.FOLLOWER_OF_A));
		List<String> wrong = matrix(EnumSet.of(Caller.FOLLOWER_OF_A, Caller.CLINICIAN_OF_A,
				Caller.CANCELLED_CLINICIAN_OF_A, Caller.OTHER_CLINICIAN), "FORBIDDEN", actor -> {
					var sent = requests.sent(null, null, 100, 0, actor);
					boolean has = sent.stream().anyMatch(l -> l.request().id() == asked.id());
					return has == (actor == callers.get(Caller.FOLLOWER_OF_A)) ? "ALLOWED" : "WRONG LIST";
				});
		wrong.addAll(matrix(EnumSet.of(Caller.PATIENT_A, Caller.PATIENT_B), "FORBIDDEN", actor -> {
			var received = requests.received(null, 100, 0, actor);
			boolean has = received.stream().anyMatch(l -> l.request().id() == asked.id());
			return has == (actor == callers.get(Caller.PATIENT_A)) ? "ALLOWED" : "WRONG LIST";
		}));
		assertThat(wrong).isEmpty();
		assertThat(requests.sent(ReportRequestStatus.SUBMITTED, null, 100, 0, callers.get(Caller.FOLLOWER_OF_A)))
			.isEmpty();
		assertThat(requests.sent(null, patientB.id(), 100, 0, callers.get(Caller.FOLLOWER_OF_A))).isEmpty();
		assertThat(requests.received(null, 100, 0, callers.get(Caller.PATIENT_A))).first()
			.satisfies(l -> assertThat(l.clinicianName()).isEqualTo(follower.fullName()));
	}

	@Test
	void theDashboardsFiguresAreEachCliniciansOwn() {
		List<String> wrong = matrix(CLINICIANS, "FORBIDDEN", actor -> {
			encounters.patientsTreated(actor);
			requests.pendingCount(actor);
			return "ALLOWED";
		});
		assertThat(wrong).isEmpty();

		Clinician fresh = clinic.clinician(centreA.id(), KOLKATA.getId());
		Actor doctor = clinic.actorOf(fresh.userId(), Role.CLINICIAN);
		Patient first = clinic.patient();
		Patient second = clinic.patient();
		assertThat(encounters.patientsTreated(doctor)).isZero();
		assertThat(requests.pendingCount(doctor)).isZero();
		encounters.write(encounter(visit(first, fresh, centreA)), doctor);
		encounters.write(encounter(visit(first, fresh, centreA)), doctor);
		encounters.write(encounter(visit(second, fresh, centreA)), doctor);
		visit(clinic.patient(), fresh, centreA); // booked, never consulted: not treated
		requests.request(new NewReportRequest(first.id(), "HbA1c", tomorrow(), null), doctor);
		requests.request(new NewReportRequest(second.id(), "CBC", LocalDate.now(KOLKATA), null), doctor);
		jdbc.sql("UPDATE upload_report_requests SET status = 'SUBMITTED' WHERE patient_id = ?").param(second.id())
			.update();
		assertThat(encounters.patientsTreated(doctor)).isEqualTo(2);
		assertThat(requests.pendingCount(doctor)).isEqualTo(1);
	}

	@Test
	void theProfileReadsTheHistoryThePrescriptionsInForceAndTheDocuments() {
		Patient patient = patients.register(new PatientDetails("Profiled " + Phones.newPhone(), Phones.newPhone(),
				null, null, null, "AB-", null, null, null), io.polyclinic.directory.LeadSource.WEBSITE, clinic.admin());
		Appointment visit = visit(patient, clinicianA, centreA);
		Actor own = clinic.actorOf(patient.userId(), Role.PATIENT);
		MedicalProfile empty = profiles.of(patient.id(), doctor());
		assertThat(empty.bloodGroup()).isEqualTo("AB-");
		assertThat(empty.chronicConditions()).isEmpty();
		assertThat(empty.currentMedications()).isEmpty();
		assertThat(empty.pastRecords()).isEmpty();
		assertThat(empty.smokingStatus()).isEmpty();

		histories.change(patient.id(), new MedicalHistoryChanges("[\"Hypertension\", {\"name\": \"Asthma\"}, 4]",
				"[{\"allergen\": \"Penicillin\", \"severity\": \"high\"}]", "[\"Aspirin\", \"Vitamin D\"]", null, null,
				null, "never", "occasional", "sedentary"), own);
		Encounter seen = encounters.write(encounter(visit), doctor());
		prescriptions.write(new NewPrescription(seen.id(), List.of(new Medication("Aspirin", "75mg", "Once daily",
				"30 days", null), new Medication("Salbutamol", "2 puffs", "When needed", "30 days", null)), null, null,
				null, null, null, null, null), doctor());
		Prescription stopped = prescriptions.write(new NewPrescription(seen.id(), List.of(new Medication(
				"Amoxicillin", "500mg", "Thrice daily", "5 days", null)), null, null, null, null, null, null, null),
				doctor());
		prescriptions.change(Ref.id(stopped.id()), new PrescriptionChanges(null, null, null, null, null, null, null,
				PrescriptionStatus.COMPLETED), doctor());
		prescriptions.write(new NewPrescription(seen.id(), List.of(new Medication("Cetirizine", "10mg", "At night",
				"5 days", null)), null, null, null, LocalDate.now(KOLKATA).minusDays(40),
				LocalDate.now(KOLKATA).minusDays(10), null, null), doctor());
		MedicalDocument report = documents.upload(new NewMedicalDocument(patient.id(), DocumentType.LAB_REPORT,
				"CBC", null, null, TestImages.pdf(), "cbc.pdf"), own);

		MedicalProfile profile = profiles.of(patient.id(), doctor());

		assertThat(profile.chronicConditions()).containsExactly("Hypertension", "Asthma");
		assertThat(profile.allergies()).containsExactly("Penicillin");
		assertThat(profile.currentMedications()).containsExactly("Aspirin 75mg", "Salbutamol 2 puffs", "Vitamin D");
		assertThat(List.of(profile.smokingStatus(), profile.alcoholConsumption(), profile.exerciseHabits()))
			.containsExactly("never", "occasional", "sedentary");
		assertThat(profile.pastRecords()).singleElement().satisfies(r -> {
			assertThat(r.documentId()).isEqualTo(report.publicId());
			assertThat(r.type()).isEqualTo(DocumentType.LAB_REPORT);
			assertThat(r.url()).contains("/files/" + report.fileId() + "?expires=").contains("signature=");
			assertThat(r.reportDate()).isEqualTo(report.createdAt().atZone(KOLKATA).toLocalDate());
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'READ' AND resource_type = "
				+ "'MEDICAL_PROFILE' AND patient_id = ?").param(patient.id()).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void aRequestIsCheckedFieldByField() {
		assertThatThrownBy(() -> requests.request(new NewReportRequest(patientA.id(), " ", null, "x".repeat(2001)),
				doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("requestedTests",
					"dueDate", "additionalNotes"));
		assertThatThrownBy(() -> requests.request(new NewReportRequest(patientA.id(), "CBC",
				LocalDate.now(KOLKATA).minusDays(1), null), doctor()))
			.isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.fields()).containsEntry("dueDate", "The due date cannot be in the past."));
		assertThatThrownBy(() -> requests.request(new NewReportRequest(patientA.id() + 1_000_000, "CBC", tomorrow(),
				null), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));

		ReportRequest today = requests.request(new NewReportRequest(patientA.id(), " CBC, Lipid Profile ",
				LocalDate.now(KOLKATA), "  Fasting required "), doctor());
		assertThat(today.requestedTests()).isEqualTo("CBC, Lipid Profile");
		assertThat(today.additionalNotes()).isEqualTo("Fasting required");
		assertThat(today.code()).matches("REQ-" + LocalDate.now(KOLKATA).getYear() + "-\\d{3,}");
	}

	@Test
	void concurrentRequestsGetConsecutiveCodes() throws Exception {
		int year = LocalDate.now(KOLKATA).getYear();
		int many = 10;
		ExecutorService pool = Executors.newFixedThreadPool(many);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<ReportRequest>> asked = new ArrayList<>();
			for (int i = 0; i < many; i++) {
				String tests = "Test " + i;
				asked.add(pool.submit(() -> {
					start.await();
					return requests.request(new NewReportRequest(patientA.id(), tests, tomorrow(), null), doctor());
				}));
			}
			start.countDown();
			List<String> codes = new ArrayList<>();
			for (Future<ReportRequest> one : asked) {
				codes.add(one.get().code());
			}
			assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("REQ-" + year + "-\\d{3,}"));
			List<Long> numbers = codes.stream().map(c -> Long.parseLong(c.substring(c.lastIndexOf('-') + 1)))
				.sorted().toList();
			// other tests of the suite ask too, but not in between: the lock makes the ten one run
			assertThat(numbers.get(many - 1) - numbers.get(0)).isEqualTo(many - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private LocalDate tomorrow() {
		return LocalDate.now(KOLKATA).plusDays(1);
	}

	private Actor doctor() {
		return callers.get(Caller.CLINICIAN_OF_A);
	}

	private List<String> matrix(Set<Caller> allowed, String refusal, Function<Actor, String> call) {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> check(wrong, caller, actor, allowed.contains(caller) ? "ALLOWED" : refusal,
				() -> call.apply(actor)));
		return wrong;
	}

	/** A caller's outcome against the expected one; a refusal must leave exactly one audited refusal. */
	private void check(List<String> wrong, Caller caller, Actor actor, String expected, Supplier<String> call) {
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
		else if (expected.equals("FORBIDDEN") && denials(actor) != deniedBefore + 1) {
			wrong.add(caller + " was refused without one audited refusal");
		}
	}

	private static NewEncounter encounter(Appointment appointment) {
		return new NewEncounter(appointment.id(), null, "Cough", "Since yesterday", null, null, "Viral", null,
				"Rest", null, null);
	}

	private Appointment visit(Patient patient, Clinician clinician, Centre centre) {
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY).plusWeeks(hour / 8);
		LocalTime time = LocalTime.of(9 + hour % 8, 0);
		hour++;
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(), day,
				time, SessionType.IN_PERSON), clinic.admin()).appointment();
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
