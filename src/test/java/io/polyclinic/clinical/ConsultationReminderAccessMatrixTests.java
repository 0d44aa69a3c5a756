package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.MeetingPlaces;
import io.polyclinic.scheduling.PaymentStandings;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.Phones;
import io.polyclinic.support.TestDatabase;

/**
 * Who may do what with consultations, single-medicine prescriptions, medicine reminders and their logs, asked of the
 * clinical module itself (no face): patient A and B, the clinician of A's appointment and one who does not care for
 * A, each staff role and callers who reach nothing. Only the appointment's clinician saves its consultation and
 * prescribes at it; only patient A logs A's doses (anyone else is told there is no such reminder, and the attempt is
 * audited); those who may see A read A's reminders and the medicines A takes now; only the clinic's own sender lists
 * due doses. Then the rules: saving a consultation completes the appointment, once per appointment; a prescription
 * starts one reminder per medicine with its doses; a snoozed dose comes back; a stopped prescription stops reminding.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationReminderAccessMatrixTests {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	enum Caller {
		PATIENT_A, PATIENT_B, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, MANAGER, CENTRE_MANAGER_OF_A,
		CENTRE_MANAGER_OF_B, FRONT_DESK_OF_A, CARE_COORDINATOR_OF_A, SECRETARY_OF_A, SECRETARY_OF_CLINIC, PHARMACIST,
		GUEST, NO_RECORD, CLINIC_ITSELF
	}

	static final Set<Caller> READERS_OF_A = EnumSet.of(Caller.PATIENT_A, Caller.CLINICIAN_OF_A, Caller.ADMIN,
			Caller.MANAGER, Caller.CENTRE_MANAGER_OF_A, Caller.FRONT_DESK_OF_A, Caller.CARE_COORDINATOR_OF_A,
			Caller.SECRETARY_OF_A, Caller.SECRETARY_OF_CLINIC, Caller.CLINIC_ITSELF);

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
	MedicineReminders reminders;
	@Autowired
	JdbcClient jdbc;

	Centre centreA;
	Centre centreB;
	Patient patientA;
	Patient patientB;
	Clinician clinicianA;
	Clinician otherClinician;
	Encounter consultationOfA;
	Prescription prescriptionOfA;
	MedicineReminder reminderOfA;
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
		callers.put(Caller.CLINIC_ITSELF, Actor.system());
		consultationOfA = encounters.conclude(consultation(visit(patientA, clinicianA, centreA)), doctor());
		prescriptionOfA = prescriptions.writeAt(Ref.of(consultationOfA.publicId()), medicine("Azithromycin", "Once daily"),
				doctor());
		reminderOfA = reminders.mine(patientA()).stream()
			.filter(r -> r.prescriptionId().equals(prescriptionOfA.publicId()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void savingTheConsultationOfAnAppointmentOfPatientA() {
		Appointment visit = visit(patientA, clinicianA, centreA);
		List<String> wrong = matrix(EnumSet.of(Caller.CLINICIAN_OF_A), "FORBIDDEN", actor -> {
			Encounter saved = encounters.conclude(consultation(visit), actor);
			return saved.appointmentId() == visit.id() && saved.patientId() == patientA.id()
					&& saved.assessment().equals("Acute bronchitis") && saved.plan().equals("Steam inhalation, rest")
					? "ALLOWED" : "WRONG CONSULTATION";
		});
		assertThat(wrong).isEmpty();
		assertThat(count("encounters", "appointment_id", visit.id())).isEqualTo(1);
	}

	@Test
	void prescribingAtAConsultationOfPatientA() {
		long before = count("prescriptions", "encounter_id", consultationOfA.id());
		List<String> wrong = matrix(EnumSet.of(Caller.CLINICIAN_OF_A), "FORBIDDEN", actor -> {
			Prescription written = prescriptions.writeAt(Ref.of(consultationOfA.publicId()), medicine("Cetirizine",
					"At night"), actor);
			return written.encounterId() == consultationOfA.id() && written.patientId() == patientA.id()
					&& written.medications().get(0).category().equals("Antihistamine") ? "ALLOWED" : "WRONG";
		});
		assertThat(wrong).isEmpty();
		assertThat(count("prescriptions", "encounter_id", consultationOfA.id())).isEqualTo(before + 1);
	}

	@Test
	void readingTheRemindersAndTheMedicinesOfPatientA() {
		List<String> wrong = matrix(READERS_OF_A, "FORBIDDEN", actor -> reminders.ofPatient(patientA.id(), actor)
			.stream()
			.anyMatch(r -> r.id().equals(reminderOfA.id())) ? "ALLOWED" : "NOT A's");
		wrong.addAll(matrix(READERS_OF_A, "FORBIDDEN", actor -> prescriptions.activeMedications(patientA.id(), actor)
			.stream()
			.anyMatch(m -> "Azithromycin".equals(m.name())) ? "ALLOWED" : "NOT A's"));
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyoneListsOnlyTheirOwnReminders() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = caller == Caller.PATIENT_A ? "A" : caller == Caller.CLINIC_ITSELF ? "FORBIDDEN" : "NONE";
			check(wrong, caller, actor, expected, () -> {
				List<MedicineReminder> mine = reminders.mine(actor);
				if (mine.stream().anyMatch(r -> caller != Caller.PATIENT_A || r.patientId() != patientA.id())) {
					return "SOMEONE ELSE'S";
				}
				return mine.isEmpty() ? "NONE" : "A";
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void loggingADoseOfPatientA() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			String expected = caller == Caller.PATIENT_A ? "ALLOWED" : "NOT_FOUND";
			long deniedBefore = denials(actor);
			check(wrong, caller, actor, expected, () -> {
				DoseLog log = reminders.log(reminderOfA.id(), new NewDoseLog(DoseStatus.TAKEN, null, "With water"),
						actor);
				return log.reminderId().equals(reminderOfA.id()) && log.status() == DoseStatus.TAKEN ? "ALLOWED"
						: "WRONG";
			});
			if (expected.equals("NOT_FOUND") && caller != Caller.CLINIC_ITSELF && denials(actor) != deniedBefore + 1) {
				wrong.add(caller + " was refused without one audited refusal");
			}
		});
		assertThat(wrong).isEmpty();
		assertThatThrownBy(() -> reminders.log(UUID.randomUUID(), new NewDoseLog(DoseStatus.TAKEN, null, null),
				patientA()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		assertThatThrownBy(() -> reminders.log(reminderOfA.id(), new NewDoseLog(null, null, null), patientA()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("status"));
	}

	@Test
	void onlyTheClinicItselfListsAndMarksDueDoses() {
		List<String> wrong = matrix(EnumSet.of(Caller.CLINIC_ITSELF), "FORBIDDEN", actor -> {
			reminders.due(Instant.now(), Duration.ofHours(1), 1, actor);
			reminders.reminded(-1, actor);
			return "ALLOWED";
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void savingAConsultationCompletesTheAppointmentOnceWhateverTheClock() {
		Appointment ahead = visit(patientA, clinicianA, centreA);
		assertThat(ahead.startsAt()).isAfter(Instant.now());
		encounters.conclude(new NewConsultation(ahead.id(), " Migraine ", "Dark room", null, null), doctor());
		assertThat(book.require(ahead.id()).status()).isEqualTo(AppointmentStatus.COMPLETED);

		assertThatThrownBy(() -> encounters.conclude(consultation(ahead), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
				assertThat(e.code()).isEqualTo("CONSULTATION_EXISTS");
			});
		Appointment cancelled = visit(patientA, clinicianA, centreA);
		book.cancel(cancelled.id(), "Travel", clinic.admin());
		assertThatThrownBy(() -> encounters.conclude(consultation(cancelled), doctor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("INVALID_STATUS_TRANSITION"));
		Appointment visit = visit(patientA, clinicianA, centreA);
		assertThatThrownBy(() -> encounters.conclude(new NewConsultation(visit.id(), " ", null, null, null), doctor()))
			.isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.fields()).containsOnlyKeys("diagnosis", "doctorRecommendations"));
		assertThat(book.require(visit.id()).status()).isNotEqualTo(AppointmentStatus.COMPLETED);
		assertThat(count("encounters", "appointment_id", visit.id())).isZero();
	}

	@Test
	void aPrescriptionRemindsOfEachDoseOfItsCourseAndStopsWhenItIs() {
		Encounter seen = encounters.conclude(consultation(visit(patientA, clinicianA, centreA)), doctor());
		Prescription written = prescriptions.writeAt(Ref.of(seen.publicId()), new NewPrescription(null,
				List.of(new Medication("Amoxicillin", "500 mg", "Thrice daily", "5 days", "After food", "Antibiotic"),
						new Medication("Paracetamol", "650 mg", "SOS", "3 days", null)),
				null, null, null, null, null, null, null), doctor());
		List<MedicineReminder> mine = reminders.mine(patientA()).stream()
			.filter(r -> r.prescriptionId().equals(written.publicId()))
			.toList();
		assertThat(mine).extracting(MedicineReminder::medicationName)
			.containsExactlyInAnyOrder("Amoxicillin", "Paracetamol");
		MedicineReminder amoxicillin = mine.stream().filter(r -> r.medicationName().equals("Amoxicillin")).findFirst()
			.orElseThrow();
		assertThat(amoxicillin.reminderTimes()).containsExactly(LocalTime.of(8, 30), LocalTime.of(13, 30),
				LocalTime.of(20, 30));
		assertThat(amoxicillin.timeZone()).isEqualTo(KOLKATA);
		assertThat(amoxicillin.active()).isTrue();
		assertThat(amoxicillin.lastStatus()).isNull();
		assertThat(amoxicillin.nextDoseAt()).isAfter(Instant.now());
		assertThat(doses(amoxicillin.id())).isEqualTo(15);
		MedicineReminder paracetamol = mine.stream().filter(r -> r.medicationName().equals("Paracetamol")).findFirst()
			.orElseThrow();
		assertThat(paracetamol.reminderTimes()).isEmpty();
		assertThat(doses(paracetamol.id())).isZero();

		reminders.log(amoxicillin.id(), new NewDoseLog(DoseStatus.TAKEN, Instant.now(), null), patientA());
		reminders.log(amoxicillin.id(), new NewDoseLog(DoseStatus.SNOOZED, null, "Later"), patientA());
		assertThat(doses(amoxicillin.id())).isEqualTo(16);
		assertThat(reminder(written, "Amoxicillin").lastStatus()).isEqualTo(DoseStatus.SNOOZED);
		Instant snoozedUntil = Instant.now().plus(Duration.ofMinutes(MedicineReminders.SNOOZE_MINUTES));
		assertThat(reminders.due(snoozedUntil.plusSeconds(5), Duration.ofMinutes(2), 1000, Actor.system()))
			.anyMatch(d -> d.reminderId().equals(amoxicillin.id()) && d.patientUserId() == patientA.userId());

		prescriptions.change(Ref.id(written.id()), new PrescriptionChanges(null, null, null, null, null, null, null,
				PrescriptionStatus.CANCELLED), doctor());
		assertThat(reminder(written, "Amoxicillin").active()).isFalse();
		assertThat(reminder(written, "Amoxicillin").nextDoseAt()).isNull();
		assertThat(reminders.due(snoozedUntil.plusSeconds(5), Duration.ofMinutes(2), 1000, Actor.system()))
			.noneMatch(d -> d.reminderId().equals(amoxicillin.id()));
		assertThat(prescriptions.activeMedications(patientA.id(), doctor())).extracting(Medication::name)
			.doesNotContain("Amoxicillin");
	}

	@Test
	void aDueDoseIsMarkedRemindedOnce() {
		Instant firstDose = reminderOfA.nextDoseAt();
		List<DueDose> due = reminders.due(firstDose.plusSeconds(1), Duration.ofMinutes(1), 1000, Actor.system())
			.stream()
			.filter(d -> d.reminderId().equals(reminderOfA.id()))
			.toList();
		assertThat(due).singleElement().satisfies(d -> {
			assertThat(d.dueAt()).isEqualTo(firstDose);
			assertThat(d.medicationName()).isEqualTo("Azithromycin");
			assertThat(d.dosage()).isEqualTo("500mg");
		});
		assertThat(reminders.reminded(due.get(0).doseId(), Actor.system())).isTrue();
		assertThat(reminders.reminded(due.get(0).doseId(), Actor.system())).isFalse();
		assertThat(reminders.due(firstDose.plusSeconds(1), Duration.ofMinutes(1), 1000, Actor.system()))
			.noneMatch(d -> d.reminderId().equals(reminderOfA.id()));
	}

	private MedicineReminder reminder(Prescription prescription, String name) {
		return reminders.mine(patientA()).stream()
			.filter(r -> r.prescriptionId().equals(prescription.publicId()) && r.medicationName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private long doses(UUID reminder) {
		return jdbc.sql("SELECT COUNT(*) FROM medicine_doses d JOIN medicine_reminders r ON r.id = d.reminder_id"
				+ " WHERE r.public_id = ?").param(reminder).query(Long.class).single();
	}

	private Actor doctor() {
		return callers.get(Caller.CLINICIAN_OF_A);
	}

	private Actor patientA() {
		return callers.get(Caller.PATIENT_A);
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
		else if (expected.equals("FORBIDDEN") && !actor.isSystem() && denials(actor) != deniedBefore + 1) {
			wrong.add(caller + " was refused without one audited refusal");
		}
	}

	private static NewConsultation consultation(Appointment appointment) {
		return new NewConsultation(appointment.id(), "Acute bronchitis", "Steam inhalation, rest",
				"Visit again if fever persists > 3 days", "Dry cough");
	}

	private static NewPrescription medicine(String name, String frequency) {
		return new NewPrescription(null, List.of(new Medication(name, "500mg", frequency, "5 days", null,
				name.equals("Cetirizine") ? "Antihistamine" : "Antibiotic")), null, "May cause slight drowsiness",
				"Complete the full course", null, null, null, null);
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
