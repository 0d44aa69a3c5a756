package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Who may do what with encounters and prescriptions, asked of the clinical module itself (no face, no HTTP), for
 * every method: patient A and B, the clinician of A's appointment and one who does not care for A, each staff role
 * (of A's centre, of another centre, of the whole clinic) and callers who reach nothing. Only the appointment's
 * clinician writes; those who may see patient A read, list and print. A refusal is FORBIDDEN with exactly one audited
 * refusal. Then the rules of the records themselves: one encounter per appointment, the fields checked, the PDF's
 * text, lists filtered and paged in SQL.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncounterPrescriptionAccessMatrixTests {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_A, SECRETARY_OF_A, SECRETARY_OF_CLINIC, PHARMACIST,
		GUEST, NO_RECORD
	}

	/** Those who read patient A's encounters and prescriptions. */
	static final Set<Caller> READERS_OF_A = EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN,
			Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A, Caller.CARE_COORDINATOR_OF_A,
			Caller.SECRETARY_OF_A, Caller.SECRETARY_OF_CLINIC);

	/** The one who writes them: the clinician of A's appointment. */
	static final Set<Caller> WRITER = EnumSet.of(Caller.CLINICIAN_OF_A);

	/** Callers who reach no one: a list is refused to them, not empty. */
	static final Set<Caller> NOBODY = EnumSet.of(Caller.PHARMACIST, Caller.GUEST, Caller.NO_RECORD);

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
	AppointmentBook book;
	@Autowired
	Encounters encounters;
	@Autowired
	Prescriptions prescriptions;
	@Autowired
	JdbcClient jdbc;

	Centre centreA;
	Centre centreB;
	Patient patientA;
	Patient patientB;
	Clinician clinicianA;
	Clinician otherClinician;
	Appointment appointmentOfA;
	Encounter encounterOfA;
	Prescription prescriptionOfA;
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
		otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
		patientA = clinic.patient();
		patientB = clinic.patient();
		appointmentOfA = visit(patientA, clinicianA, centreA);
		visit(patientB, otherClinician, centreB);
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
		encounterOfA = encounters.write(encounter(appointmentOfA, "Headache"), doctor());
		prescriptionOfA = prescriptions.write(prescription(encounterOfA, "Paracetamol"), doctor());
	}

	@Test
	void writingTheEncounterOfAnAppointmentOfPatientA() {
		Appointment visit = visit(patientA, clinicianA, centreA);
		List<String> wrong = matrix(WRITER, "FORBIDDEN", actor -> {
			Encounter written = encounters.write(encounter(visit, "By " + actor.userId()), actor);
			return written.appointmentId() == visit.id() && written.patientId() == patientA.id()
					&& written.patientUserId() == patientA.userId() && written.clinicianId() == clinicianA.id()
					&& written.authorUserId() == actor.userId() ? "ALLOWED" : "WRONG ENCOUNTER";
		});
		assertThat(wrong).isEmpty();
		assertThat(count("encounters", "appointment_id", visit.id())).isEqualTo(1);
	}

	@Test
	void changingAnEncounterOfPatientA() {
		List<String> wrong = matrix(WRITER, "FORBIDDEN", actor -> {
			Encounter changed = encounters.change(Ref.id(encounterOfA.id()), new EncounterChanges(null, null, null,
					null, null, "Seen by " + actor.userId(), null, null, null, null), actor);
			return changed.assessment().equals("Seen by " + actor.userId()) ? "ALLOWED" : "NOT CHANGED";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void readingAnEncounterOfPatientA() {
		List<String> wrong = matrix(READERS_OF_A, "FORBIDDEN",
				actor -> encounters.get(Ref.id(encounterOfA.id()), actor).id() == encounterOfA.id() ? "ALLOWED"
						: "WRONG");
		assertThat(wrong).isEmpty();
	}

	@Test
	void listingEncounters() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = NOBODY.contains(caller) ? "FORBIDDEN" : READERS_OF_A.contains(caller) ? "A" : "NOT A";
			check(wrong, caller, actor, expected, () -> {
				List<Encounter> found = encounters.find(EncounterQuery.all(), PageRequest.of(0, 100), actor)
					.getContent();
				if (caller == Caller.PATIENT_A && found.stream().anyMatch(e -> e.patientId() != patientA.id())) {
					return "SOMEONE ELSE'S";
				}
				return found.stream().anyMatch(e -> e.id() == encounterOfA.id()) ? "A" : "NOT A";
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void writingAPrescriptionAtAnEncounterOfPatientA() {
		long before = count("prescriptions", "encounter_id", encounterOfA.id());
		List<String> wrong = matrix(WRITER, "FORBIDDEN", actor -> {
			Prescription written = prescriptions.write(prescription(encounterOfA, "Ibuprofen"), actor);
			return written.encounterId() == encounterOfA.id() && written.patientUserId() == patientA.userId()
					&& written.clinicianId() == clinicianA.id() && written.appointmentId() == appointmentOfA.id()
					? "ALLOWED" : "WRONG PRESCRIPTION";
		});
		assertThat(wrong).isEmpty();
		assertThat(count("prescriptions", "encounter_id", encounterOfA.id())).isEqualTo(before + 1);
	}

	@Test
	void changingAPrescriptionOfPatientA() {
		List<String> wrong = matrix(WRITER, "FORBIDDEN", actor -> {
			Prescription changed = prescriptions.change(Ref.id(prescriptionOfA.id()), new PrescriptionChanges(null,
					null, "Taken by " + actor.userId(), null, null, null, null, null), actor);
			return changed.instructions().equals("Taken by " + actor.userId()) ? "ALLOWED" : "NOT CHANGED";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void readingAndPrintingAPrescriptionOfPatientA() {
		List<String> wrong = matrix(READERS_OF_A, "FORBIDDEN",
				actor -> prescriptions.get(Ref.id(prescriptionOfA.id()), actor).id() == prescriptionOfA.id()
						? "ALLOWED" : "WRONG");
		wrong.addAll(matrix(READERS_OF_A, "FORBIDDEN", actor -> {
			PrescriptionPdf pdf = prescriptions.print(Ref.id(prescriptionOfA.id()), actor);
			return new String(pdf.content(), 0, 5).equals("%PDF-") ? "ALLOWED" : "NOT A PDF";
		}));
		assertThat(wrong).isEmpty();
	}

	@Test
	void listingPrescriptions() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = NOBODY.contains(caller) ? "FORBIDDEN" : READERS_OF_A.contains(caller) ? "A" : "NOT A";
			check(wrong, caller, actor, expected, () -> {
				List<Prescription> found = prescriptions.find(PrescriptionQuery.all(), PageRequest.of(0, 100), actor)
					.getContent();
				if (caller == Caller.PATIENT_A && found.stream().anyMatch(p -> p.patientId() != patientA.id())) {
					return "SOMEONE ELSE'S";
				}
				return found.stream().anyMatch(p -> p.id() == prescriptionOfA.id()) ? "A" : "NOT A";
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void anAppointmentHasOneEncounterAndACancelledOneNone() {
		assertThatThrownBy(() -> encounters.write(encounter(appointmentOfA, "Again"), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.code()).isEqualTo("ENCOUNTER_EXISTS");
				assertThat(e.fields()).containsKey("appointment");
			});
		Appointment cancelled = visit(patientA, clinicianA, centreA);
		book.cancel(cancelled.id(), "Travel", clinic.admin());
		assertThatThrownBy(() -> encounters.write(encounter(cancelled, "Never seen"), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("appointment"));
		assertThat(count("encounters", "appointment_id", cancelled.id())).isZero();
	}

	@Test
	void anEncounterIsCheckedFieldByField() {
		Appointment visit = visit(patientA, clinicianA, centreA);
		var blank = new NewEncounter(visit.id(), null, " ", null, "[1, 2]", null, null, List.of("J45.909", " "), null,
				null, null);
		assertThatThrownBy(() -> encounters.write(blank, doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("chiefComplaint",
					"assessment", "plan", "vitalSigns", "diagnosisCodes"));
		assertThatThrownBy(() -> encounters.write(new NewEncounter(null, null, "Cough", null, null, null, "Viral",
				null, "Rest", null, null), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("appointment"));
		assertThatThrownBy(() -> encounters.write(new NewEncounter(visit.id() + 1_000_000, null, "Cough", null, null,
				null, "Viral", null, "Rest", null, null), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields().get("appointment")).contains("Invalid pk"));
		assertThatThrownBy(() -> encounters.change(Ref.id(encounterOfA.id()), new EncounterChanges(null, "", null,
				null, null, null, null, null, null, null), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("chiefComplaint"));

		Encounter written = encounters.write(new NewEncounter(visit.id(), EncounterType.FOLLOW_UP, " Cough ",
				"Three days", "{\"temperature\": 38.2}", null, "Viral bronchitis", List.of(" J20.9 "), "Rest", null,
				null), doctor());
		assertThat(written.type()).isEqualTo(EncounterType.FOLLOW_UP);
		assertThat(written.chiefComplaint()).isEqualTo("Cough");
		assertThat(written.diagnosisCodes()).containsExactly("J20.9");
		assertThat(written.vitalSigns()).contains("38.2");
		assertThat(written.physicalExamination()).isEmpty();

		Encounter changed = encounters.change(Ref.id(written.id()), new EncounterChanges(null, null, "", null, null,
				null, List.of(), null, "Call if worse", null), doctor());
		assertThat(changed.historyOfPresentIllness()).isEmpty();
		assertThat(changed.diagnosisCodes()).isEmpty();
		assertThat(changed.clinicalNotes()).isEqualTo("Call if worse");
		assertThat(changed.chiefComplaint()).isEqualTo("Cough");
		assertThat(changed.type()).isEqualTo(EncounterType.FOLLOW_UP);
	}

	@Test
	void aPrescriptionIsCheckedAndDatedOnTheDoctorsCalendar() {
		var empty = new NewPrescription(encounterOfA.id(), List.of(), null, null, null, LocalDate.of(2030, 1, 10),
				LocalDate.of(2030, 1, 9), -1, null);
		assertThatThrownBy(() -> prescriptions.write(empty, doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("medications",
					"validUntil", "refillsAllowed"));
		var noDosage = new NewPrescription(encounterOfA.id(),
				List.of(new Medication("Amoxicillin", " ", "Thrice daily", "7 days", null)), null, null, null, null,
				null, null, null);
		assertThatThrownBy(() -> prescriptions.write(noDosage, doctor()))
			.isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.fields().get("medications")).isEqualTo("Medication 1: dosage is required."));
		assertThatThrownBy(() -> prescriptions.write(new NewPrescription(null, List.of(), null, null, null, null, null,
				null, null), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("encounter"));

		Prescription written = prescriptions.write(prescription(encounterOfA, "Cetirizine"), doctor());
		assertThat(written.prescriptionDate()).isEqualTo(LocalDate.now(KOLKATA));
		assertThat(written.validUntil()).isEqualTo(written.prescriptionDate().plusDays(30));
		assertThat(written.status()).isEqualTo(PrescriptionStatus.ACTIVE);
		assertThat(written.refillsAllowed()).isZero();
		assertThat(written.pdfGeneratedAt()).isNull();

		Prescription changed = prescriptions.change(Ref.id(written.id()), new PrescriptionChanges(
				List.of(new Medication("Levocetirizine", "5 mg", "Once at night", "10 days", ""),
						new Medication("Saline spray", "2 puffs", "Twice daily", "5 days", "Each nostril")),
				null, null, null, null, null, 2, PrescriptionStatus.COMPLETED), doctor());
		assertThat(changed.medications()).extracting(Medication::name).containsExactly("Levocetirizine",
				"Saline spray");
		assertThat(changed.refillsAllowed()).isEqualTo(2);
		assertThat(changed.status()).isEqualTo(PrescriptionStatus.COMPLETED);
		assertThat(prescriptions.get(Ref.id(written.id()), doctor()).medications()).hasSize(2);
		assertThatThrownBy(() -> prescriptions.change(Ref.id(written.id()), new PrescriptionChanges(null, null, null,
				null, null, written.prescriptionDate().minusDays(1), null, null), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("validUntil"));
	}

	@Test
	void thePrintedPrescriptionNamesTheClinicDoctorPatientAndEveryDrug() throws IOException {
		Prescription written = prescriptions.write(new NewPrescription(encounterOfA.id(),
				List.of(new Medication("Amoxicillin", "500 mg", "Three times a day", "7 days", "After food"),
						new Medication("Paracetamol", "650 mg", "Every 6 hours if needed", "3 days", null)),
				"Acute sinusitis", "Drink plenty of water", null, LocalDate.of(2030, 3, 4), LocalDate.of(2030, 4, 3), 1,
				null), doctor());

		PrescriptionPdf pdf = prescriptions.print(Ref.id(written.id()), callers.get(Caller.PATIENT_A));

		assertThat(pdf.fileName()).isEqualTo("prescription_" + written.id() + "_20300304.pdf");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.content())) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		assertThat(text).contains(centreA.name(), "PRESCRIPTION", clinicianA.fullName(), patientA.fullName(),
				"March 4, 2030", "Valid until: April 3, 2030", "Acute sinusitis", "1. Amoxicillin",
				"Dosage: 500 mg Frequency: Three times a day Duration: 7 days", "Instructions: After food",
				"2. Paracetamol", "Dosage: 650 mg Frequency: Every 6 hours if needed Duration: 3 days",
				"Drink plenty of water", "Clinical Psychologist");
		assertThat(prescriptions.get(Ref.id(written.id()), doctor()).pdfGeneratedAt()).isNotNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'EXPORT' AND resource_type = ?"
				+ " AND resource_id = ?").params("PRESCRIPTION", String.valueOf(written.id())).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void listsAreFilteredOrderedAndPagedInSql() {
		Actor admin = clinic.admin();
		Patient patient = clinic.patient();
		List<Encounter> written = new ArrayList<>();
		for (String complaint : List.of("Fever", "Rash", "Back pain")) {
			written.add(encounters.write(encounter(visit(patient, clinicianA, centreA), complaint), doctor()));
		}
		Function<EncounterQuery, List<String>> complaints = q -> encounters.find(q, PageRequest.of(0, 10), admin)
			.getContent().stream().map(Encounter::chiefComplaint).toList();
		assertThat(complaints.apply(new EncounterQuery(patient.id(), null, null, null, null,
				EncounterQuery.Order.CREATED_AT, false))).containsExactly("Fever", "Rash", "Back pain");
		assertThat(complaints.apply(new EncounterQuery(patient.id(), null, written.get(1).appointmentId(), null, null,
				EncounterQuery.Order.CREATED_AT, true))).containsExactly("Rash");
		assertThat(complaints.apply(new EncounterQuery(null, null, null, null, patient.fullName().toUpperCase(),
				EncounterQuery.Order.CREATED_AT, true))).containsExactly("Back pain", "Rash", "Fever");
		assertThat(complaints.apply(new EncounterQuery(patient.id(), otherClinician.id(), null, null, null,
				EncounterQuery.Order.CREATED_AT, true))).isEmpty();
		var second = encounters.find(new EncounterQuery(patient.id(), null, null, null, null,
				EncounterQuery.Order.CREATED_AT, false), PageRequest.of(1, 2), admin);
		assertThat(second.getContent()).extracting(Encounter::chiefComplaint).containsExactly("Back pain");
		assertThat(second.getTotalElements()).isEqualTo(3);
		assertThat(encounters.find(new EncounterQuery(patient.id(), null, null, null, null,
				EncounterQuery.Order.CREATED_AT, false), PageRequest.of(5, 2), admin).getTotalElements()).isEqualTo(3);

		prescriptions.write(prescription(written.get(0), "Zinc"), doctor());
		Prescription cancelled = prescriptions.write(prescription(written.get(1), "Calamine"), doctor());
		prescriptions.change(Ref.id(cancelled.id()), new PrescriptionChanges(null, null, null, null, null, null, null,
				PrescriptionStatus.CANCELLED), doctor());
		Function<PrescriptionQuery, List<String>> drugs = q -> prescriptions.find(q, PageRequest.of(0, 10), admin)
			.getContent().stream().map(p -> p.medications().get(0).name()).toList();
		assertThat(drugs.apply(new PrescriptionQuery(patient.id(), null, null, null, null, null,
				PrescriptionQuery.Order.CREATED_AT, true))).containsExactly("Calamine", "Zinc");
		assertThat(drugs.apply(new PrescriptionQuery(patient.id(), null, null, null, PrescriptionStatus.ACTIVE, null,
				PrescriptionQuery.Order.CREATED_AT, true))).containsExactly("Zinc");
		assertThat(drugs.apply(new PrescriptionQuery(null, null, written.get(1).id(), null, null, null,
				PrescriptionQuery.Order.CREATED_AT, true))).containsExactly("Calamine");
		assertThat(drugs.apply(new PrescriptionQuery(patient.id(), null, null, null, null, "zin",
				PrescriptionQuery.Order.CREATED_AT, true))).containsExactly("Zinc");
		var page = prescriptions.find(new PrescriptionQuery(patient.id(), null, null, null, null, null,
				PrescriptionQuery.Order.CREATED_AT, false), PageRequest.of(1, 1), admin);
		assertThat(page.getContent()).extracting(p -> p.medications().get(0).name()).containsExactly("Calamine");
		assertThat(page.getTotalElements()).isEqualTo(2);
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

	private static NewEncounter encounter(Appointment appointment, String complaint) {
		return new NewEncounter(appointment.id(), null, complaint, "Since yesterday", "{\"pulse\": 72}", "Normal",
				"Tension headache", List.of("G44.2"), "Rest and fluids", null, "Come back in a week");
	}

	private static NewPrescription prescription(Encounter encounter, String drug) {
		return new NewPrescription(encounter.id(),
				List.of(new Medication(drug, "500 mg", "Twice daily", "5 days", "After food")), "Tension headache",
				"Avoid screens", null, null, null, null, null);
	}

	private Appointment visit(Patient patient, Clinician clinician, Centre centre) {
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY).plusWeeks(hour / 8);
		LocalTime time = LocalTime.of(9 + hour % 8, 0);
		hour++;
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(), day,
				time, SessionType.IN_PERSON), clinic.admin()).appointment();
	}

	private long count(String table, String column, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(id).query(Long.class)
			.single();
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
