package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
import java.util.function.Supplier;

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
import io.polyclinic.support.TestImages;

/**
 * Who may do what with a patient's chart (documents, medical history, vital signs, the summary), asked of the
 * clinical module itself (no face, no HTTP): patient A and B, the clinician who cares for A (an appointment) and one
 * who does not, each staff role (of A's centre, of another centre, of the whole clinic) and callers who reach nothing.
 * Every refusal is FORBIDDEN with exactly one audited refusal. Removing a role, care, reach or ownership check turns a
 * cell red.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartAccessMatrixTests {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_A, SECRETARY_OF_A, SECRETARY_OF_CLINIC, PHARMACIST,
		GUEST, NO_RECORD
	}

	/** A's carers: the clinician with an appointment, administrators and staff who reach A. */
	static final Set<Caller> CARERS_OF_A = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.ADMIN, Caller.MANAGER,
			Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A, Caller.CARE_COORDINATOR_OF_A, Caller.SECRETARY_OF_A,
			Caller.SECRETARY_OF_CLINIC);

	/** Those who read A's chart and add to it: A and A's carers. */
	static final Set<Caller> CHART_OF_A = EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN,
			Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A, Caller.CARE_COORDINATOR_OF_A,
			Caller.SECRETARY_OF_A, Caller.SECRETARY_OF_CLINIC);

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
	MedicalDocuments documents;
	@Autowired
	MedicalHistories histories;
	@Autowired
	Vitals vitals;
	@Autowired
	MedicalSummaries summaries;
	@Autowired
	JdbcClient jdbc;

	Patient patientA;
	Patient patientB;
	Clinician clinicianA;
	Clinician otherClinician;
	Appointment appointmentOfA;
	Appointment appointmentOfB;
	MedicalDocument byPatientA;
	MedicalDocument byClinicianA;
	VitalSigns readingByPatientA;
	VitalSigns readingByClinicianA;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeAll
	void cast() {
		Centre centreA = clinic.centre("Pune");
		Centre centreB = clinic.centre("Nagpur");
		clinicianA = clinic.clinician(centreA.id(), KOLKATA.getId());
		otherClinician = clinic.clinician(centreB.id(), KOLKATA.getId());
		patientA = clinic.patient();
		patientB = clinic.patient();
		appointmentOfA = visit(patientA, clinicianA, centreA.id(), 9);
		appointmentOfB = visit(patientB, otherClinician, centreB.id(), 10);
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
		byPatientA = documents.upload(document(patientA, "Own scan"), callers.get(Caller.PATIENT_A));
		byClinicianA = documents.upload(document(patientA, "Clinic report"), callers.get(Caller.CLINICIAN_OF_A));
		readingByPatientA = vitals.record(patientA.id(), pulse(70), callers.get(Caller.PATIENT_A));
		readingByClinicianA = vitals.record(patientA.id(), pulse(72), callers.get(Caller.CLINICIAN_OF_A));
	}

	// documents

	@Test
	void uploadingADocumentToPatientAsFile() {
		List<String> wrong = matrix(CHART_OF_A, actor -> {
			MedicalDocument up = documents.upload(document(patientA, "By " + actor.userId()), actor);
			return up.patientId() == patientA.id() && up.uploadedByUserId() == actor.userId() ? "ALLOWED" : "WRONG";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void readingADocumentOfPatientA() {
		List<String> wrong = matrix(CHART_OF_A,
				actor -> documents.get(byClinicianA.id(), actor).id() == byClinicianA.id() ? "ALLOWED" : "WRONG");
		assertThat(wrong).isEmpty();
	}

	@Test
	void aDownloadLinkOfADocumentOfPatientA() {
		List<String> wrong = matrix(CHART_OF_A, actor -> documents.link(byPatientA.id(), actor).url()
			.contains("/files/" + byPatientA.fileId() + "?expires=") ? "ALLOWED" : "WRONG");
		assertThat(wrong).isEmpty();
	}

	@Test
	void listingPatientAsDocuments() {
		var query = new MedicalDocumentQuery(patientA.id(), null, null, null, null,
				MedicalDocumentQuery.Order.CREATED_AT, true);
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = NOBODY.contains(caller) ? "FORBIDDEN" : CHART_OF_A.contains(caller) ? "FOUND" : "NONE";
			check(wrong, caller, actor, expected, () -> {
				var found = documents.find(query, PageRequest.of(0, 100), actor).getContent();
				if (found.stream().anyMatch(d -> d.patientId() != patientA.id())) {
					return "WRONG PATIENT";
				}
				return found.isEmpty() ? "NONE" : "FOUND";
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void describingADocumentThePatientUploaded() {
		List<String> wrong = matrix(CHART_OF_A, actor -> documents.change(byPatientA.id(),
				new MedicalDocumentChanges(null, "Seen by " + actor.userId(), null, null), actor).title()
			.equals("Seen by " + actor.userId()) ? "ALLOWED" : "NOT CHANGED");
		assertThat(wrong).isEmpty();
	}

	@Test
	void aPatientDescribesOnlyTheirOwnUploadsAndNeverVerifies() {
		List<String> wrong = matrix(CARERS_OF_A, actor -> documents.change(byClinicianA.id(),
				new MedicalDocumentChanges(DocumentType.IMAGING, null, "Described", null), actor).type()
				== DocumentType.IMAGING ? "ALLOWED" : "NOT CHANGED");
		assertThat(wrong).isEmpty();
		List<String> verifiers = matrix(CARERS_OF_A, actor -> documents.change(byPatientA.id(),
				new MedicalDocumentChanges(null, null, null, true), actor).verified() ? "ALLOWED" : "NOT VERIFIED");
		assertThat(verifiers).isEmpty();
	}

	@Test
	void deletingADocumentIsForItsUploaderAndAdministrators() {
		Set<Caller> allowed = EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.PATIENT_A);
		List<String> wrong = matrix(allowed, actor -> {
			MedicalDocument doomed = documents.upload(document(patientA, "Doomed"), callers.get(Caller.PATIENT_A));
			try {
				documents.delete(doomed.id(), actor);
			}
			catch (Refusal e) {
				return kept(doomed) ? e.code() : "DELETED THOUGH REFUSED";
			}
			return kept(doomed) ? "NOT DELETED" : "ALLOWED";
		});
		assertThat(wrong).isEmpty();
		MedicalDocument mine = documents.upload(document(patientA, "Mine"), callers.get(Caller.FRONT_DESK_OF_A));
		documents.delete(mine.id(), callers.get(Caller.FRONT_DESK_OF_A));
		assertThat(kept(mine)).isFalse();
		assertThatThrownBy(() -> documents.get(mine.id(), clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void aDocumentIsCheckedBeforeItsFileIsStored() {
		Actor admin = clinic.admin();
		long files = jdbc.sql("SELECT COUNT(*) FROM stored_files").query(Long.class).single();
		assertThatThrownBy(() -> documents.upload(new NewMedicalDocument(patientA.id(), null, " ", null,
				appointmentOfB.id(), null, "x.png"), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("documentType",
					"title", "documentFile", "appointment"));
		assertThatThrownBy(() -> documents.upload(new NewMedicalDocument(patientA.id(), DocumentType.OTHER, "Text",
				null, null, TestImages.text(), "photo.png"), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("documentFile"));
		assertThatThrownBy(() -> documents.upload(new NewMedicalDocument(patientA.id() + 1_000_000,
				DocumentType.OTHER, "Nobody's", null, null, TestImages.png(), "x.png"), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_files").query(Long.class).single()).isEqualTo(files);
	}

	@Test
	void documentsAreFilteredSearchedSortedAndPagedInSql() {
		Actor admin = clinic.admin();
		Patient patient = clinic.patient();
		documents.upload(new NewMedicalDocument(patient.id(), DocumentType.LAB_REPORT, "b Blood count", "CBC", null,
				TestImages.pdf(), "cbc.pdf"), admin);
		documents.upload(new NewMedicalDocument(patient.id(), DocumentType.IMAGING, "A chest X-ray", "lungs clear",
				null, TestImages.png(), "xray.png"), admin);
		documents.upload(new NewMedicalDocument(patient.id(), DocumentType.LAB_REPORT, "c Lipids", "100% fasting",
				null, TestImages.pdf(), "lipids.pdf"), admin);
		Function<MedicalDocumentQuery, List<String>> titles = q -> documents.find(q, PageRequest.of(0, 10), admin)
			.getContent().stream().map(MedicalDocument::title).toList();
		assertThat(titles.apply(new MedicalDocumentQuery(patient.id(), null, null, null, null,
				MedicalDocumentQuery.Order.TITLE, false))).containsExactly("A chest X-ray", "b Blood count", "c Lipids");
		assertThat(titles.apply(new MedicalDocumentQuery(patient.id(), DocumentType.LAB_REPORT, null, null, null,
				MedicalDocumentQuery.Order.CREATED_AT, true))).containsExactly("c Lipids", "b Blood count");
		assertThat(titles.apply(new MedicalDocumentQuery(patient.id(), null, null, null, "LUNG",
				MedicalDocumentQuery.Order.CREATED_AT, true))).containsExactly("A chest X-ray");
		assertThat(titles.apply(new MedicalDocumentQuery(patient.id(), null, null, null, "%",
				MedicalDocumentQuery.Order.CREATED_AT, true))).containsExactly("c Lipids");
		var query = new MedicalDocumentQuery(patient.id(), null, null, null, null, MedicalDocumentQuery.Order.TITLE,
				false);
		var second = documents.find(query, PageRequest.of(1, 2), admin);
		assertThat(second.getContent()).extracting(MedicalDocument::title).containsExactly("c Lipids");
		assertThat(second.getTotalElements()).isEqualTo(3);
		assertThat(documents.find(query, PageRequest.of(5, 2), admin).getTotalElements()).isEqualTo(3);
	}

	// medical history

	@Test
	void readingPatientAsHistory() {
		List<String> wrong = matrix(CHART_OF_A,
				actor -> histories.get(patientA.id(), actor).patientId() == patientA.id() ? "ALLOWED" : "WRONG");
		assertThat(wrong).isEmpty();
	}

	@Test
	void writingPatientAsHistory() {
		List<String> wrong = matrix(CHART_OF_A, actor -> {
			String family = "Noted by " + actor.userId();
			return histories.change(patientA.id(), new MedicalHistoryChanges(null, null, null, null, null, family,
					null, null, null), actor).familyHistory().equals(family) ? "ALLOWED" : "NOT WRITTEN";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void aHistoryReadsEmptyUntilWrittenAndAWriteChangesOnlyWhatItNames() {
		Patient patient = clinic.patient();
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);
		MedicalHistory empty = histories.get(patient.id(), self);
		assertThat(empty.id()).isNull();
		assertThat(empty.allergies()).isEqualTo("[]");
		assertThat(empty.patientUserId()).isEqualTo(patient.userId());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM medical_histories WHERE patient_id = ?").param(patient.id())
			.query(Long.class).single()).isZero();

		MedicalHistory first = histories.change(patient.id(), new MedicalHistoryChanges("[\"asthma\"]",
				"[{\"allergen\":\"penicillin\",\"severity\":\"severe\"}]", null, null, null, " Father: diabetes ",
				"never", null, null), self);
		MedicalHistory second = histories.change(patient.id(), new MedicalHistoryChanges(null, null,
				"[\"salbutamol\"]", null, null, null, null, "occasional", null), clinic.admin());

		assertThat(second.id()).isEqualTo(first.id()).isNotNull();
		assertThat(second.chronicConditions()).isEqualTo("[\"asthma\"]");
		assertThat(second.allergies()).contains("penicillin");
		assertThat(second.currentMedications()).isEqualTo("[\"salbutamol\"]");
		assertThat(second.familyHistory()).isEqualTo("Father: diabetes");
		assertThat(second.smokingStatus()).isEqualTo("never");
		assertThat(second.alcoholConsumption()).isEqualTo("occasional");
		assertThat(second.updatedByUserId()).isEqualTo(clinic.admin().userId());
		assertThat(histories.get(patient.id(), self)).isEqualTo(second);

		assertThatThrownBy(() -> histories.change(patient.id(), new MedicalHistoryChanges("\"asthma\"", "{}", null,
				null, "nope", null, "x".repeat(21), null, null), self))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields())
				.containsOnlyKeys("chronicConditions", "allergies", "immunizations", "smokingStatus")
				.containsEntry("chronicConditions", "Expected a list of items but got type \"str\"."));
	}

	// vital signs

	@Test
	void recordingVitalsOfPatientA() {
		List<String> wrong = matrix(CHART_OF_A, actor -> {
			VitalSigns v = vitals.record(patientA.id(), pulse(80), actor);
			return v.patientId() == patientA.id() && v.recordedByUserId() == actor.userId() ? "ALLOWED" : "WRONG";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void readingVitalsOfPatientA() {
		List<String> wrong = matrix(CHART_OF_A, actor -> vitals.get(readingByClinicianA.id(), actor).id()
				== readingByClinicianA.id() ? "ALLOWED" : "WRONG");
		assertThat(wrong).isEmpty();
	}

	@Test
	void listingPatientAsVitals() {
		var query = new VitalSignsQuery(patientA.id(), null, null, null, true);
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = NOBODY.contains(caller) ? "FORBIDDEN" : CHART_OF_A.contains(caller) ? "FOUND" : "NONE";
			check(wrong, caller, actor, expected, () -> {
				var found = vitals.find(query, PageRequest.of(0, 100), actor).getContent();
				if (found.stream().anyMatch(v -> v.patientId() != patientA.id())) {
					return "WRONG PATIENT";
				}
				return found.isEmpty() ? "NONE" : "FOUND";
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void correctingVitals() {
		List<String> wrong = matrix(CHART_OF_A, actor -> vitals.correct(readingByPatientA.id(), pulse(90), actor)
			.measurements().heartRate() == 90 ? "ALLOWED" : "NOT CORRECTED");
		assertThat(wrong).isEmpty();
		List<String> carers = matrix(CARERS_OF_A, actor -> vitals.correct(readingByClinicianA.id(), pulse(91), actor)
			.measurements().heartRate() == 91 ? "ALLOWED" : "NOT CORRECTED");
		assertThat(carers).isEmpty();
	}

	@Test
	void theBmiIsWeightOverHeightInMetresSquaredAndFollowsACorrection() {
		Actor admin = clinic.admin();
		// 70.00 / 1.75² = 22.857… → 22.9
		VitalSigns v = vitals.record(patientA.id(), new VitalMeasurements(120, 80, 72, new BigDecimal("98.6"), 16,
				98, new BigDecimal("70"), new BigDecimal("175"), 2, " fine "), admin);
		assertThat(v.bmi()).isEqualByComparingTo("22.9");
		assertThat(v.measurements().weight()).isEqualTo(new BigDecimal("70.00"));
		assertThat(v.measurements().notes()).isEqualTo("fine");
		// 82.50 / 1.75² = 26.938… → 26.9; the other values stay
		VitalSigns corrected = vitals.correct(v.id(), new VitalMeasurements(null, null, null, null, null, null,
				new BigDecimal("82.5"), null, null, null), admin);
		assertThat(corrected.bmi()).isEqualByComparingTo("26.9");
		assertThat(corrected.measurements().bloodPressureSystolic()).isEqualTo(120);
		assertThat(corrected.measurements().temperature()).isEqualTo(new BigDecimal("98.6"));
		assertThat(Vitals.bmi(new BigDecimal("60"), null)).isNull();
	}

	@Test
	void impossibleVitalsAreRefusedFieldByField() {
		Actor admin = clinic.admin();
		assertThatThrownBy(() -> vitals.record(patientA.id(), new VitalMeasurements(400, 20, 10,
				new BigDecimal("37.0"), 100, 101, new BigDecimal("70.123"), new BigDecimal("1000"), 11, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields())
				.containsEntry("bloodPressureSystolic", "Ensure this value is less than or equal to 300.")
				.containsEntry("bloodPressureDiastolic", "Ensure this value is greater than or equal to 30.")
				.containsEntry("heartRate", "Ensure this value is greater than or equal to 30.")
				.containsEntry("temperature", "Ensure this value is greater than or equal to 90.0.")
				.containsEntry("respiratoryRate", "Ensure this value is less than or equal to 60.")
				.containsEntry("oxygenSaturation", "Ensure this value is less than or equal to 100.")
				.containsEntry("weight", "Ensure that there are no more than 2 decimal places.")
				.containsEntry("height", "Ensure that there are no more than 3 digits before the decimal point.")
				.containsEntry("painLevel", "Ensure this value is less than or equal to 10."));
		assertThatThrownBy(() -> vitals.record(patientA.id(), new VitalMeasurements(80, 90, null, null, null, null,
				null, null, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys(
					"bloodPressureDiastolic"));
		assertThatThrownBy(() -> vitals.correct(readingByClinicianA.id(), new VitalMeasurements(null, null, null,
				new BigDecimal("98.65"), null, null, null, null, null, null), admin))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("temperature"));
	}

	// summary

	@Test
	void readingPatientAsSummary() {
		List<String> wrong = matrix(CHART_OF_A, actor -> {
			MedicalSummary s = summaries.of(patientA.id(), actor);
			return s.patientUserId() == patientA.userId() && s.documentCount() >= 2 && s.vitalsCount() >= 2
					&& s.latestVitals() != null && !s.recentDocuments().isEmpty() ? "ALLOWED" : "WRONG";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void aSummaryCountsAndShowsTheNewest() {
		Actor admin = clinic.admin();
		Patient patient = clinic.patient();
		MedicalSummary empty = summaries.of(patient.id(), admin);
		assertThat(empty.latestVitals()).isNull();
		assertThat(empty.recentDocuments()).isEmpty();
		assertThat(empty.history().id()).isNull();
		assertThat(empty.recentEncounters()).isEmpty();
		assertThat(empty.prescriptionCount()).isZero();
		for (int i = 1; i <= 6; i++) {
			documents.upload(new NewMedicalDocument(patient.id(), DocumentType.OTHER, "Doc " + i, null, null,
					TestImages.png(), "d.png"), admin);
		}
		vitals.record(patient.id(), pulse(60), admin);
		VitalSigns latest = vitals.record(patient.id(), pulse(61), admin);
		MedicalSummary summary = summaries.of(patient.id(), admin);
		assertThat(summary.documentCount()).isEqualTo(6);
		assertThat(summary.recentDocuments()).extracting(MedicalDocument::title)
			.containsExactly("Doc 6", "Doc 5", "Doc 4", "Doc 3", "Doc 2");
		assertThat(summary.vitalsCount()).isEqualTo(2);
		assertThat(summary.latestVitals()).isEqualTo(latest);
	}

	/** Each caller's outcome against the expected one; a refusal must leave exactly one audited refusal. */
	private List<String> matrix(Set<Caller> allowed, Function<Actor, String> call) {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> check(wrong, caller, actor,
				allowed.contains(caller) ? "ALLOWED" : "FORBIDDEN", () -> call.apply(actor)));
		return wrong;
	}

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

	private NewMedicalDocument document(Patient patient, String title) {
		return new NewMedicalDocument(patient.id(), DocumentType.LAB_REPORT, title, "A description", null,
				TestImages.pdf(), "report.pdf");
	}

	private static VitalMeasurements pulse(int heartRate) {
		return new VitalMeasurements(null, null, heartRate, null, null, null, null, null, null, null);
	}

	private Appointment visit(Patient patient, Clinician clinician, long centreId, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centreId,
				Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY), LocalTime.of(hour, 0), SessionType.IN_PERSON),
				clinic.admin()).appointment();
	}

	private boolean kept(MedicalDocument document) {
		return jdbc.sql("SELECT COUNT(*) FROM medical_documents WHERE id = ? AND deleted_at IS NULL")
			.param(document.id()).query(Long.class).single() == 1;
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
