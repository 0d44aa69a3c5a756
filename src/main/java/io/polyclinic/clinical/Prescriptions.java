package io.polyclinic.clinical;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.EncounterEntries;
import io.polyclinic.clinical.internal.EncounterEntry;
import io.polyclinic.clinical.internal.PrescriptionDocument;
import io.polyclinic.clinical.internal.PrescriptionEntries;
import io.polyclinic.clinical.internal.PrescriptionEntry;
import io.polyclinic.clinical.internal.PrescriptionRows;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Centre;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * Prescriptions: the medicines a clinician prescribes at an encounter, and their printed PDF — one model for every
 * face that shows prescriptions.
 *
 * <p>Who may do what, whatever the face: the encounter's clinician (the appointment's) writes prescriptions at it and
 * changes them; no one else writes. Those who may see the patient read them and print them (the access policy: the
 * patient themself, the clinicians who care for them, staff within reach, administrators). Every write, read and
 * print is audited, and every refusal.
 */
@Service
@Transactional(readOnly = true)
public class Prescriptions {

	/** How long a prescription is valid when its writer does not say: as the clinic's printed form has it. */
	public static final int DEFAULT_VALIDITY_DAYS = 30;
	public static final int TEXT_LENGTH = 10_000;
	public static final int MAXIMUM_MEDICATIONS = 50;
	public static final int NAME_LENGTH = 200;
	public static final int DETAIL_LENGTH = 100;
	public static final int INSTRUCTIONS_LENGTH = 2000;
	public static final int MAXIMUM_REFILLS = 99;
	/** The most medicines a patient's list of those taken now holds. */
	public static final int MAXIMUM_ACTIVE = 100;
	/** The clinic's name on a prescription whose doctor and appointment name no centre. */
	public static final String CLINIC_NAME = "Polyclinic";

	static final String RESOURCE = "PRESCRIPTION";

	private final PrescriptionEntries entries;
	private final PrescriptionRows rows;
	private final EncounterEntries encounters;
	private final PrescriptionDocument document;
	private final AccessPolicy access;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final CentreRegistry centres;
	private final AppointmentBook appointments;
	private final AuditLog audit;
	private final Clock clock;
	private final MedicineReminders reminders;
	private final ChartAccess charts;

	Prescriptions(PrescriptionEntries entries, PrescriptionRows rows, EncounterEntries encounters,
			PrescriptionDocument document, AccessPolicy access, PatientRegistry patients,
			ClinicianRegistry clinicians, CentreRegistry centres, AppointmentBook appointments, AuditLog audit,
			Clock clock, MedicineReminders reminders, ChartAccess charts) {
		this.reminders = reminders;
		this.charts = charts;
		this.entries = entries;
		this.rows = rows;
		this.encounters = encounters;
		this.document = document;
		this.access = access;
		this.patients = patients;
		this.clinicians = clinicians;
		this.centres = centres;
		this.appointments = appointments;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Writes a prescription at an encounter: by the encounter's clinician only. An active prescription starts its
	 * patient's medicine reminders ({@link MedicineReminders}).
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone else; INVALID naming every field that is wrong
	 */
	@Transactional
	public Prescription write(NewPrescription prescription, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN) {
			throw access.denied(actor, "CREATE", RESOURCE, null, null);
		}
		EncounterEntry encounter = encounterOf(prescription.encounterId());
		if (!reach.isClinician(encounter.getClinicianId())) {
			throw access.denied(actor, "CREATE", RESOURCE, null, encounter.getPatientId());
		}
		var checks = new FieldChecks();
		if (prescription.medications() == null || prescription.medications().isEmpty()) {
			checks.problem("medications", "At least one medication is required.");
		}
		PrescriptionChanges content = new PrescriptionChanges(prescription.medications(), prescription.diagnosis(),
				prescription.instructions(), prescription.notes(), prescription.prescriptionDate(),
				prescription.validUntil(), prescription.refillsAllowed(),
				prescription.status() == null ? PrescriptionStatus.ACTIVE : prescription.status());
		check(checks, content);
		Appointment appointment = appointments.require(encounter.getAppointmentId());
		LocalDate issued = prescription.prescriptionDate() != null ? prescription.prescriptionDate()
				: LocalDate.now(clock.withZone(appointment.timeZone()));
		LocalDate validUntil = prescription.validUntil() != null ? prescription.validUntil()
				: issued.plusDays(DEFAULT_VALIDITY_DAYS);
		validity(checks, issued, validUntil);
		checks.refuseIfAny();
		Instant now = now();
		var entry = new PrescriptionEntry(encounter.getId(), encounter.getAppointmentId(), encounter.getPatientId(),
				encounter.getClinicianId(), actor.userId(), issued, validUntil, now);
		entry.record(content, now);
		Prescription written = entries.saveAndFlush(entry).toPrescription(userOf(entry.getPatientId()));
		if (written.status() == PrescriptionStatus.ACTIVE) {
			reminders.start(written, appointment.timeZone());
		}
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, written.id(), written.patientId()));
		return written;
	}

	/**
	 * Writes a prescription at the encounter named either way (clinico names a consultation by its UUID), as
	 * {@link #write} does; the prescription's own encounter id is not read.
	 *
	 * @throws Refusal INVALID naming the encounter when there is none with this id
	 */
	@Transactional
	public Prescription writeAt(Ref encounter, NewPrescription prescription, Actor actor) {
		EncounterEntry entry = (encounter.numeric() ? encounters.findById(Objects.requireNonNull(encounter.id()))
				: encounters.findByPublicId(Objects.requireNonNull(encounter.publicId())))
			.orElseThrow(() -> Refusal.invalidField("encounter", "Invalid pk \""
					+ (encounter.numeric() ? encounter.id() : encounter.publicId()) + "\" - object does not exist."));
		return write(new NewPrescription(entry.getId(), prescription.medications(), prescription.diagnosis(),
				prescription.instructions(), prescription.notes(), prescription.prescriptionDate(),
				prescription.validUntil(), prescription.refillsAllowed(), prescription.status()), actor);
	}

	/**
	 * The medicines a patient is taking now: those of their active prescriptions still valid today, newest
	 * prescription first, for those who may see the patient (the read is audited).
	 *
	 * @throws Refusal NOT_FOUND when there is no such patient; FORBIDDEN (audited) for a caller who may not see them
	 */
	@Transactional
	public List<Medication> activeMedications(long patientId, Actor actor) {
		charts.requireExists(patientId);
		charts.reader(actor, patientId, "LIST", RESOURCE, null);
		List<Medication> found = rows.activeMedications(patientId, LocalDate.now(clock), MAXIMUM_ACTIVE);
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patientId, AuditRecord.Outcome.SUCCESS,
				found.size() + " active medications"));
		return found;
	}

	/**
	 * Changes a prescription: its clinician only. Medications, when given, replace the list and its reminders; a
	 * prescription no longer active stops its reminders.
	 */
	@Transactional
	public Prescription change(Ref prescription, PrescriptionChanges changes, Actor actor) {
		PrescriptionEntry entry = entry(prescription);
		if (!access.reachOf(actor).isClinician(entry.getClinicianId())) {
			throw access.denied(actor, "UPDATE", RESOURCE, entry.getId(), entry.getPatientId());
		}
		var checks = new FieldChecks();
		if (changes.medications() != null && changes.medications().isEmpty()) {
			checks.problem("medications", "At least one medication is required.");
		}
		check(checks, changes);
		validity(checks, changes.prescriptionDate() != null ? changes.prescriptionDate() : entry.getPrescriptionDate(),
				changes.validUntil() != null ? changes.validUntil() : entry.getValidUntil());
		checks.refuseIfAny();
		entry.record(changes, now());
		Prescription changed = entries.saveAndFlush(entry).toPrescription(userOf(entry.getPatientId()));
		if (changes.medications() != null || changed.status() != PrescriptionStatus.ACTIVE) {
			// new medicines get reminders of their own; a stopped prescription reminds of nothing
			reminders.stop(changed.id());
			if (changes.medications() != null && changed.status() == PrescriptionStatus.ACTIVE) {
				reminders.start(changed, appointments.require(changed.appointmentId()).timeZone());
			}
		}
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, changed.id(), changed.patientId()));
		return changed;
	}

	/** One prescription, for those who may see its patient; the read is audited. */
	@Transactional // the read is audited: even it writes
	public Prescription get(Ref prescription, Actor actor) {
		PrescriptionEntry entry = readable(prescription, actor, "READ");
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, entry.getId(), entry.getPatientId()));
		return entry.toPrescription(userOf(entry.getPatientId()));
	}

	/**
	 * The prescriptions the caller may see that the query asks for, paged in SQL: a patient's own, those of a
	 * clinician's patients, those of the patients within a member of staff's reach, all for administrators.
	 */
	@Transactional // the list is audited
	public Page<Prescription> find(PrescriptionQuery query, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		PrescriptionRows.Page found = rows.page(reach, query, page.getOffset(), page.getPageSize());
		long total = found.prescriptions().isEmpty() && page.getOffset() > 0 ? rows.count(reach, query)
				: found.total();
		Long patient = query.patientId() != null && query.patientId() > 0 ? query.patientId() : null;
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patient, AuditRecord.Outcome.SUCCESS,
				found.prescriptions().size() + " results"));
		return new PageImpl<>(found.prescriptions(), page, total);
	}

	/**
	 * The prescription printed as a PDF, for those who may read it (the patient downloads their own); the time it was
	 * printed is kept, and the print is audited.
	 */
	@Transactional
	public PrescriptionPdf print(Ref prescription, Actor actor) {
		PrescriptionEntry entry = readable(prescription, actor, "EXPORT");
		Instant now = now();
		entry.printed(now);
		Prescription printed = entries.saveAndFlush(entry).toPrescription(userOf(entry.getPatientId()));
		Appointment appointment = appointments.require(printed.appointmentId());
		Clinician doctor = clinicians.get(printed.clinicianId());
		Patient patient = patients.findAll(List.of(printed.patientId())).get(printed.patientId());
		Long centreId = appointment.centreId() != null ? appointment.centreId()
				: appointment.managingCentreId() != null ? appointment.managingCentreId() : doctor.primaryCentreId();
		Centre centre = centreId == null ? null : centres.findAll(List.of(centreId)).get(centreId);
		var sheet = new PrescriptionDocument.Sheet(centre == null ? CLINIC_NAME : centre.name(), address(centre),
				doctor.fullName(), doctor.specializations(), doctor.practice().registrationNumber(),
				patient.fullName(), patient.dateOfBirth(), patient.gender(), patient.phone(), appointment.timeZone());
		byte[] pdf = document.print(printed, sheet, now);
		audit.record(AuditRecord.success(actor, "EXPORT", RESOURCE, printed.id(), printed.patientId()));
		String day = DateTimeFormatter.BASIC_ISO_DATE.format(printed.prescriptionDate());
		return new PrescriptionPdf("prescription_" + printed.id() + "_" + day + ".pdf", pdf);
	}

	private PrescriptionEntry readable(Ref prescription, Actor actor, String action) {
		PrescriptionEntry entry = entry(prescription);
		if (!access.maySeePatient(actor, entry.getPatientId())) {
			throw access.denied(actor, action, RESOURCE, entry.getId(), entry.getPatientId());
		}
		return entry;
	}

	private static List<String> address(@Nullable Centre centre) {
		List<String> lines = new ArrayList<>();
		if (centre == null) {
			return lines;
		}
		if (centre.address() != null && !centre.address().isBlank()) {
			lines.add(centre.address());
		}
		lines.add(centre.pincode() == null ? centre.city() : centre.city() + " " + centre.pincode());
		List<String> contact = new ArrayList<>();
		if (centre.phone() != null) {
			contact.add("Phone: " + centre.phone());
		}
		if (centre.email() != null) {
			contact.add("Email: " + centre.email());
		}
		if (!contact.isEmpty()) {
			lines.add(String.join(" | ", contact));
		}
		return lines;
	}

	private EncounterEntry encounterOf(@Nullable Long id) {
		if (id == null) {
			throw Refusal.invalidField("encounter", "This field is required.");
		}
		return encounters.findById(id)
			.orElseThrow(() -> Refusal.invalidField("encounter", "Invalid pk \"" + id + "\" - object does not exist."));
	}

	private static void check(FieldChecks checks, PrescriptionChanges changes) {
		List<Medication> medications = changes.medications();
		if (medications != null) {
			if (medications.size() > MAXIMUM_MEDICATIONS) {
				checks.problem("medications",
						"Ensure this field has no more than " + MAXIMUM_MEDICATIONS + " elements.");
			}
			for (int i = 0; i < medications.size(); i++) {
				Medication m = medications.get(i);
				String at = "Medication " + (i + 1) + ": ";
				if (m == null) {
					checks.problem("medications", at + "a name, dosage, frequency and duration are required.");
					continue;
				}
				detail(checks, at, "name", m.name(), NAME_LENGTH);
				detail(checks, at, "dosage", m.dosage(), DETAIL_LENGTH);
				detail(checks, at, "frequency", m.frequency(), DETAIL_LENGTH);
				detail(checks, at, "duration", m.duration(), DETAIL_LENGTH);
				if (m.instructions() != null && m.instructions().strip().length() > INSTRUCTIONS_LENGTH) {
					checks.problem("medications", at + "instructions must be at most " + INSTRUCTIONS_LENGTH
							+ " characters.");
				}
			}
		}
		checks.optional("diagnosis", changes.diagnosis(), TEXT_LENGTH);
		checks.optional("instructions", changes.instructions(), TEXT_LENGTH);
		checks.optional("notes", changes.notes(), TEXT_LENGTH);
		Integer refills = changes.refillsAllowed();
		if (refills != null && (refills < 0 || refills > MAXIMUM_REFILLS)) {
			checks.problem("refillsAllowed", "Ensure this value is between 0 and " + MAXIMUM_REFILLS + ".");
		}
	}

	private static void detail(FieldChecks checks, String at, String what, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			checks.problem("medications", at + what + " is required.");
		}
		else if (value.strip().length() > max) {
			checks.problem("medications", at + what + " must be at most " + max + " characters.");
		}
	}

	private static void validity(FieldChecks checks, LocalDate issued, LocalDate validUntil) {
		if (validUntil.isBefore(issued)) {
			checks.problem("validUntil", "The prescription cannot expire before it is issued.");
		}
	}

	private PrescriptionEntry entry(Ref prescription) {
		return (prescription.numeric() ? entries.findById(Objects.requireNonNull(prescription.id()))
				: entries.findByPublicId(Objects.requireNonNull(prescription.publicId())))
			.orElseThrow(() -> Refusal.notFound("Prescription"));
	}

	private long userOf(long patientId) {
		return patients.findAll(List.of(patientId)).get(patientId).userId();
	}

	/** The database keeps microseconds: an answer written now reads back the same later. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
