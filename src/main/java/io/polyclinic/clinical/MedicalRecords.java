package io.polyclinic.clinical;

import java.time.Clock;
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
import io.polyclinic.clinical.internal.MedicalEntries;
import io.polyclinic.clinical.internal.MedicalEntry;
import io.polyclinic.clinical.internal.MedicalEntryRows;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patients' medical records: prescriptions, lab results, diagnoses, imaging, notes — the same records every face
 * shows.
 *
 * <p>Who may do what, whatever the face: the clinicians who care for a patient (the access policy's answer: an
 * appointment with them, or an accepted request) write, change and read the patient's records, and write them as
 * themselves; staff write, change and read the records of the patients within their reach, naming the record's
 * clinician; a patient reads their own records that are shared with them, and no other; administrators delete.
 * Every write and read is audited, and every refusal.
 */
@Service
@Transactional(readOnly = true)
public class MedicalRecords {

	public static final int TITLE_LENGTH = 255;
	public static final int TEXT_LENGTH = 10_000;
	public static final int JSON_LENGTH = 100_000;

	private static final String RESOURCE = "MEDICAL_RECORD";

	private final MedicalEntries entries;
	private final MedicalEntryRows rows;
	private final AccessPolicy access;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final AppointmentBook appointments;
	private final AuditLog audit;
	private final Clock clock;

	MedicalRecords(MedicalEntries entries, MedicalEntryRows rows, AccessPolicy access, PatientRegistry patients,
			ClinicianRegistry clinicians, AppointmentBook appointments, AuditLog audit, Clock clock) {
		this.entries = entries;
		this.rows = rows;
		this.access = access;
		this.patients = patients;
		this.clinicians = clinicians;
		this.appointments = appointments;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Writes a record on a patient's file: by a clinician who cares for the patient (the record is theirs; naming
	 * another clinician is refused) or by staff who reach the patient (naming the clinician, or leaving it to the
	 * appointment's).
	 */
	@Transactional
	public MedicalRecord write(NewMedicalRecord record, Actor actor) {
		if (patients.findAll(List.of(record.patientId())).isEmpty()) {
			throw Refusal.notFound("Patient");
		}
		Reach reach = requireWriter(actor, record.patientId(), "CREATE", null);
		Appointment appointment = record.appointmentId() == null ? null : appointments.require(record.appointmentId());
		if (appointment != null && appointment.patientId() != record.patientId()) {
			throw Refusal.invalidField("appointmentId", "This appointment is not the patient's");
		}
		long clinicianId = clinicianOf(record, appointment, reach, actor);
		if (record.type() == null) {
			throw Refusal.invalidField("recordType", "Record type is required");
		}
		String title = title(record.title());
		text("description", record.description());
		text("diagnosis", record.diagnosis());
		text("notes", record.notes());
		json("medications", record.medications());
		json("labResults", record.labResults());
		json("attachments", record.attachments());
		var entry = new MedicalEntry(record.patientId(), clinicianId, record.appointmentId(), record.type(), title,
				actor.userId(), record.sharedWithPatient() == null || record.sharedWithPatient(), clock.instant());
		entry.change(new MedicalRecordChanges(null, null, edit(record.description()), edit(record.diagnosis()),
				edit(record.medications()), edit(record.labResults()), edit(record.attachments()), edit(record.notes()),
				null), clock.instant());
		MedicalRecord written = entries.saveAndFlush(entry).toMedicalRecord();
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, written.id(), written.patientId()));
		return written;
	}

	/** Changes a record: whoever may write on the patient's file. */
	@Transactional
	public MedicalRecord change(Ref record, MedicalRecordChanges changes, Actor actor) {
		MedicalEntry entry = entry(record);
		requireWriter(actor, entry.getPatientId(), "UPDATE", entry.getId());
		if (changes.title() != null) {
			title(changes.title());
		}
		text("description", value(changes.description()));
		text("diagnosis", value(changes.diagnosis()));
		text("notes", value(changes.notes()));
		json("medications", value(changes.medications()));
		json("labResults", value(changes.labResults()));
		json("attachments", value(changes.attachments()));
		entry.change(changes.title() == null ? changes
				: new MedicalRecordChanges(changes.type(), changes.title().strip(), changes.description(),
						changes.diagnosis(), changes.medications(), changes.labResults(), changes.attachments(),
						changes.notes(), changes.sharedWithPatient()),
				clock.instant());
		MedicalRecord changed = entries.saveAndFlush(entry).toMedicalRecord();
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, changed.id(), changed.patientId()));
		return changed;
	}

	/**
	 * One record, for those who may see the patient's file; a patient sees their own only once it is shared with
	 * them (until then it is not found, as if it did not exist). The read is audited.
	 */
	@Transactional // the read is audited: even it writes
	public MedicalRecord get(Ref record, Actor actor) {
		MedicalEntry entry = entry(record);
		MedicalRecord found = entry.toMedicalRecord();
		Reach reach = access.reachOf(actor);
		if (!access.maySeePatient(reach, found.patientId())) {
			throw access.denied(actor, "READ", RESOURCE, found.id(), found.patientId());
		}
		if (reach.kind() == Reach.Kind.PATIENT && !found.sharedWithPatient()) {
			audit.recordDenied(AuditRecord.denied(actor, "READ", RESOURCE, found.id(), found.patientId()));
			throw Refusal.notFound("Medical record");
		}
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, found.id(), found.patientId()));
		return found;
	}

	/**
	 * The records the caller may see that the query asks for, paged in SQL: a patient's own shared ones, a
	 * clinician's patients', the ones of the patients within a member of staff's reach.
	 */
	@Transactional // the list is audited
	public Page<MedicalRecord> find(MedicalRecordQuery query, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		MedicalEntryRows.Page found = rows.page(reach, query, page.getOffset(), page.getPageSize());
		long total = found.records().isEmpty() && page.getOffset() > 0 ? rows.count(reach, query) : found.total();
		// a face's filter that names no patient asks for an id no row has: the trail names no patient then
		Long patient = query.patientId() != null && query.patientId() > 0 ? query.patientId() : null;
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patient, AuditRecord.Outcome.SUCCESS,
				found.records().size() + " results"));
		return new PageImpl<>(found.records(), page, total);
	}

	/** Deletes a record: administrators only. It is read by no one afterwards; the trail keeps that it was. */
	@Transactional
	public void delete(Ref record, Actor actor) {
		if (!actor.isSystem() && !actor.is(Role.ADMIN, Role.MANAGER)) {
			throw access.denied(actor, "DELETE", RESOURCE, record.toString(), null);
		}
		MedicalEntry entry = entry(record);
		entry.delete(clock.instant());
		entries.save(entry);
		audit.record(AuditRecord.success(actor, "DELETE", RESOURCE, entry.getId(), entry.getPatientId()));
	}

	/** Clinicians who care for the patient, and staff who reach the patient; anyone else is refused, audited. */
	private Reach requireWriter(Actor actor, long patientId, String action, @Nullable Long recordId) {
		Reach reach = access.reachOf(actor);
		boolean writes = reach.kind() == Reach.Kind.CLINICIAN || reach.staff();
		if (!writes || !access.maySeePatient(reach, patientId)) {
			throw access.denied(actor, action, RESOURCE, recordId, patientId);
		}
		return reach;
	}

	private long clinicianOf(NewMedicalRecord record, @Nullable Appointment appointment, Reach reach, Actor actor) {
		if (reach.kind() == Reach.Kind.CLINICIAN) {
			long self = Objects.requireNonNull(reach.clinicianId());
			if (record.clinicianId() != null && record.clinicianId() != self) {
				// a clinician writes as themself, never in another clinician's name
				throw access.denied(actor, "CREATE", RESOURCE, null, record.patientId());
			}
			return self;
		}
		Long named = record.clinicianId() != null ? record.clinicianId()
				: appointment != null ? Long.valueOf(appointment.clinicianId()) : null;
		if (named == null) {
			throw Refusal.invalidField("clinicianId", "The record's doctor is required");
		}
		return clinicians.get(named).id();
	}

	private MedicalEntry entry(Ref record) {
		return (record.numeric() ? entries.findById(Objects.requireNonNull(record.id()))
				: entries.findByPublicId(Objects.requireNonNull(record.publicId())))
			.filter(e -> !e.isDeleted())
			.orElseThrow(() -> Refusal.notFound("Medical record"));
	}

	private static String title(@Nullable String title) {
		if (title == null || title.isBlank()) {
			throw Refusal.invalidField("title", "Title is required");
		}
		if (title.strip().length() > TITLE_LENGTH) {
			throw Refusal.invalidField("title", "Title must be at most " + TITLE_LENGTH + " characters");
		}
		return title.strip();
	}

	private static void text(String field, @Nullable String value) {
		if (value != null && value.length() > TEXT_LENGTH) {
			throw Refusal.invalidField(field, "Must be at most " + TEXT_LENGTH + " characters");
		}
	}

	/** JSON text: an object or an array, as the faces hand it over and read it back. */
	private static void json(String field, @Nullable String value) {
		if (value == null) {
			return;
		}
		if (value.length() > JSON_LENGTH) {
			throw Refusal.invalidField(field, "Must be at most " + JSON_LENGTH + " characters of JSON");
		}
		try {
			JsonNode node = JsonMapper.shared().readTree(value);
			if (node == null || !node.isContainer()) {
				throw Refusal.invalidField(field, "Must be a JSON object or array");
			}
		}
		catch (JacksonException e) {
			throw Refusal.invalidField(field, "Must be a JSON object or array");
		}
	}

	private static MedicalRecordChanges.@Nullable Edit edit(@Nullable String value) {
		return value == null ? null : new MedicalRecordChanges.Edit(value);
	}

	private static @Nullable String value(MedicalRecordChanges.@Nullable Edit edit) {
		return edit == null ? null : edit.value();
	}
}
