package io.polyclinic.clinical;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.EncounterEntries;
import io.polyclinic.clinical.internal.EncounterEntry;
import io.polyclinic.clinical.internal.EncounterRows;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;

/**
 * Encounters: what a clinician records of one appointment — hcp's encounters, clinico's consultations.
 *
 * <p>Who may do what, whatever the face: the appointment's clinician writes its one encounter and changes it; no one
 * else writes, not even an administrator (a clinical record speaks for the clinician who saw the patient). Those who
 * may see the patient read it (the access policy: the patient themself, the clinicians who care for them, staff
 * within reach, administrators). Every write and read is audited, and every refusal.
 */
@Service
@Transactional(readOnly = true)
public class Encounters {

	public static final int TEXT_LENGTH = 10_000;
	public static final int MAXIMUM_CODES = 50;
	public static final int CODE_LENGTH = 20;

	static final String RESOURCE = "ENCOUNTER";

	private final EncounterEntries entries;
	private final EncounterRows rows;
	private final AccessPolicy access;
	private final PatientRegistry patients;
	private final AppointmentBook appointments;
	private final AuditLog audit;
	private final Clock clock;

	Encounters(EncounterEntries entries, EncounterRows rows, AccessPolicy access, PatientRegistry patients,
			AppointmentBook appointments, AuditLog audit, Clock clock) {
		this.entries = entries;
		this.rows = rows;
		this.access = access;
		this.patients = patients;
		this.appointments = appointments;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Writes the encounter of an appointment: by its clinician only, once; a cancelled appointment has none.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone but the appointment's clinician; INVALID naming the fields that
	 *         are wrong, or {@code appointment} when it has an encounter already
	 */
	@Transactional
	public Encounter write(NewEncounter encounter, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN) {
			throw access.denied(actor, "CREATE", RESOURCE, null, null);
		}
		Appointment appointment = appointmentOf(encounter.appointmentId());
		if (!reach.isClinician(appointment.clinicianId())) {
			throw access.denied(actor, "CREATE", RESOURCE, null, appointment.patientId());
		}
		if (appointment.status() == AppointmentStatus.CANCELLED) {
			throw Refusal.invalidField("appointment", "The appointment was cancelled.");
		}
		var checks = new FieldChecks();
		checks.required("chiefComplaint", encounter.chiefComplaint(), TEXT_LENGTH);
		checks.required("assessment", encounter.assessment(), TEXT_LENGTH);
		checks.required("plan", encounter.plan(), TEXT_LENGTH);
		EncounterChanges content = new EncounterChanges(
				encounter.type() == null ? EncounterType.CONSULTATION : encounter.type(), encounter.chiefComplaint(),
				encounter.historyOfPresentIllness(), encounter.vitalSigns(), encounter.physicalExamination(),
				encounter.assessment(), encounter.diagnosisCodes(), encounter.plan(), encounter.clinicalNotes(),
				encounter.followUpInstructions());
		check(checks, content);
		checks.refuseIfAny();
		if (entries.existsByAppointmentId(appointment.id())) {
			throw alreadyWritten();
		}
		Instant now = now();
		var entry = new EncounterEntry(appointment.id(), appointment.patientId(), appointment.clinicianId(),
				actor.userId(), now);
		entry.record(stripped(content), now);
		try {
			entry = entries.saveAndFlush(entry);
		}
		catch (DataIntegrityViolationException e) {
			// the same appointment's encounter written at the same moment: the unique key decided
			throw alreadyWritten();
		}
		Encounter written = entry.toEncounter(userOf(entry.getPatientId()));
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, written.id(), written.patientId()));
		return written;
	}

	/**
	 * Records a consultation: the appointment's encounter (see {@link NewConsultation} for what goes where), written
	 * by its clinician only, once; saving it completes the appointment whatever the clock says (one already completed
	 * stays so). A cancelled or missed appointment has none.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone but the appointment's clinician; INVALID naming the fields that
	 *         are wrong; CONFLICT CONSULTATION_EXISTS when the appointment has one already, INVALID_STATUS_TRANSITION
	 *         when it was cancelled or missed
	 */
	@Transactional
	public Encounter conclude(NewConsultation consultation, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN) {
			throw access.denied(actor, "CREATE", RESOURCE, null, null);
		}
		Appointment appointment = appointmentOf(consultation.appointmentId());
		if (!reach.isClinician(appointment.clinicianId())) {
			throw access.denied(actor, "CREATE", RESOURCE, null, appointment.patientId());
		}
		var checks = new FieldChecks();
		checks.required("diagnosis", consultation.diagnosis(), TEXT_LENGTH);
		checks.required("doctorRecommendations", consultation.doctorRecommendations(), TEXT_LENGTH);
		checks.optional("followUpInstructions", consultation.followUpInstructions(), TEXT_LENGTH);
		checks.optional("notes", consultation.notes(), TEXT_LENGTH);
		checks.refuseIfAny();
		if (appointment.status() == AppointmentStatus.CANCELLED || appointment.status() == AppointmentStatus.NO_SHOW) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION",
					"A " + (appointment.status() == AppointmentStatus.CANCELLED ? "cancelled" : "missed")
							+ " appointment has no consultation");
		}
		if (entries.existsByAppointmentId(appointment.id())) {
			throw consulted();
		}
		Instant now = now();
		var entry = new EncounterEntry(appointment.id(), appointment.patientId(), appointment.clinicianId(),
				actor.userId(), now);
		String complaint = String.join(", ", appointment.symptoms());
		entry.record(stripped(new EncounterChanges(EncounterType.CONSULTATION, complaint, null, null, null,
				consultation.diagnosis(), null, consultation.doctorRecommendations(),
				consultation.notes() == null ? "" : consultation.notes(),
				consultation.followUpInstructions() == null ? "" : consultation.followUpInstructions())), now);
		try {
			entry = entries.saveAndFlush(entry);
		}
		catch (DataIntegrityViolationException e) {
			// the same appointment's consultation saved at the same moment: the unique key decided
			throw consulted();
		}
		if (appointment.status() != AppointmentStatus.COMPLETED) {
			appointments.complete(Ref.id(appointment.id()), actor);
		}
		Encounter written = entry.toEncounter(userOf(entry.getPatientId()));
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, written.id(), written.patientId()));
		return written;
	}

	/** Changes an encounter: its clinician only. */
	@Transactional
	public Encounter change(Ref encounter, EncounterChanges changes, Actor actor) {
		EncounterEntry entry = entry(encounter);
		if (!access.reachOf(actor).isClinician(entry.getClinicianId())) {
			throw access.denied(actor, "UPDATE", RESOURCE, entry.getId(), entry.getPatientId());
		}
		var checks = new FieldChecks();
		checks.notEmptied("chiefComplaint", changes.chiefComplaint(), TEXT_LENGTH);
		checks.notEmptied("assessment", changes.assessment(), TEXT_LENGTH);
		checks.notEmptied("plan", changes.plan(), TEXT_LENGTH);
		check(checks, changes);
		checks.refuseIfAny();
		entry.record(stripped(changes), now());
		Encounter changed = entries.saveAndFlush(entry).toEncounter(userOf(entry.getPatientId()));
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, changed.id(), changed.patientId()));
		return changed;
	}

	/** One encounter, for those who may see its patient; the read is audited. */
	@Transactional // the read is audited: even it writes
	public Encounter get(Ref encounter, Actor actor) {
		EncounterEntry entry = entry(encounter);
		if (!access.maySeePatient(actor, entry.getPatientId())) {
			throw access.denied(actor, "READ", RESOURCE, entry.getId(), entry.getPatientId());
		}
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, entry.getId(), entry.getPatientId()));
		return entry.toEncounter(userOf(entry.getPatientId()));
	}

	/**
	 * The encounters the caller may see that the query asks for, paged in SQL: a patient's own, those of a
	 * clinician's patients, those of the patients within a member of staff's reach, all for administrators.
	 */
	@Transactional // the list is audited
	public Page<Encounter> find(EncounterQuery query, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		EncounterRows.Page found = rows.page(reach, query, page.getOffset(), page.getPageSize());
		long total = found.encounters().isEmpty() && page.getOffset() > 0 ? rows.count(reach, query) : found.total();
		// a face's filter that names no patient asks for an id no row has: the trail names no patient then
		Long patient = query.patientId() != null && query.patientId() > 0 ? query.patientId() : null;
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patient, AuditRecord.Outcome.SUCCESS,
				found.encounters().size() + " results"));
		return new PageImpl<>(found.encounters(), page, total);
	}

	/**
	 * How many patients the calling clinician has treated: distinct patients with an encounter (a saved consultation)
	 * written by them, counted in SQL. 403 (audited) for anyone but a clinician.
	 */
	public long patientsTreated(Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		return rows.patientsOf(reach.clinicianId());
	}

	private Appointment appointmentOf(@Nullable Long id) {
		if (id == null) {
			throw Refusal.invalidField("appointment", "This field is required.");
		}
		Appointment appointment = appointments.findAll(List.of(id)).get(id);
		if (appointment == null) {
			throw Refusal.invalidField("appointment", "Invalid pk \"" + id + "\" - object does not exist.");
		}
		return appointment;
	}

	private static void check(FieldChecks checks, EncounterChanges changes) {
		checks.optional("historyOfPresentIllness", changes.historyOfPresentIllness(), TEXT_LENGTH);
		checks.optional("physicalExamination", changes.physicalExamination(), TEXT_LENGTH);
		checks.optional("clinicalNotes", changes.clinicalNotes(), TEXT_LENGTH);
		checks.optional("followUpInstructions", changes.followUpInstructions(), TEXT_LENGTH);
		checks.jsonObject("vitalSigns", changes.vitalSigns(), TEXT_LENGTH);
		List<String> codes = changes.diagnosisCodes();
		if (codes != null) {
			if (codes.size() > MAXIMUM_CODES) {
				checks.problem("diagnosisCodes", "Ensure this field has no more than " + MAXIMUM_CODES + " elements.");
			}
			for (String code : codes) {
				if (code == null || code.isBlank() || code.strip().length() > CODE_LENGTH) {
					checks.problem("diagnosisCodes",
							"Each code must be a text of 1 to " + CODE_LENGTH + " characters (an ICD-10 code).");
				}
			}
		}
	}

	private static EncounterChanges stripped(EncounterChanges changes) {
		List<String> codes = changes.diagnosisCodes() == null ? null
				: changes.diagnosisCodes().stream().map(String::strip).toList();
		return new EncounterChanges(changes.type(), FieldChecks.strip(changes.chiefComplaint()),
				FieldChecks.strip(changes.historyOfPresentIllness()), changes.vitalSigns(),
				FieldChecks.strip(changes.physicalExamination()), FieldChecks.strip(changes.assessment()), codes,
				FieldChecks.strip(changes.plan()), FieldChecks.strip(changes.clinicalNotes()),
				FieldChecks.strip(changes.followUpInstructions()));
	}

	private static Refusal consulted() {
		return Refusal.conflict("CONSULTATION_EXISTS", "A consultation was already saved for this appointment",
				"appointment");
	}

	private static Refusal alreadyWritten() {
		String message = "encounter with this appointment already exists.";
		return new Refusal(Refusal.Kind.INVALID, "ENCOUNTER_EXISTS", message, Map.of("appointment", message));
	}

	EncounterEntry entry(Ref encounter) {
		return (encounter.numeric() ? entries.findById(Objects.requireNonNull(encounter.id()))
				: entries.findByPublicId(Objects.requireNonNull(encounter.publicId())))
			.orElseThrow(() -> Refusal.notFound("Encounter"));
	}

	private long userOf(long patientId) {
		return patients.findAll(List.of(patientId)).get(patientId).userId();
	}

	/** The database keeps microseconds: an answer written now reads back the same later. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
