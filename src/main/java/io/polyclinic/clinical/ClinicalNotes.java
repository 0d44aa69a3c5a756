package io.polyclinic.clinical;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.Note;
import io.polyclinic.clinical.internal.Notes;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.Callers;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * Clinical notes on patients. Clinicians write them about patients they care for; administrators may too. Every
 * note written, and every refusal, is audited.
 */
@Service
@Transactional(readOnly = true)
public class ClinicalNotes {

	public static final int MAXIMUM_LENGTH = 4000;
	/** The most notes {@link #ofPatient} answers at once, the newest. */
	public static final int MAXIMUM_LISTED = 100;

	private final Notes notes;
	private final PatientRegistry patients;
	private final AppointmentBook appointments;
	private final Callers callers;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Clock clock;

	ClinicalNotes(Notes notes, PatientRegistry patients, AppointmentBook appointments, Callers callers,
			Accounts accounts, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.notes = notes;
		this.patients = patients;
		this.appointments = appointments;
		this.callers = callers;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds a note to a patient's record.
	 *
	 * @param appointmentId the appointment the note is about, which must be this patient's
	 */
	@Transactional
	public ClinicalNote write(long patientId, @Nullable Long appointmentId, String text, Actor actor) {
		requireCarer(patientId, actor, "CREATE", "CREATE_NOTE");
		if (text.isBlank()) {
			throw Refusal.invalidField("note", "Note is required");
		}
		if (text.length() > MAXIMUM_LENGTH) {
			throw Refusal.invalidField("note", "Note must be at most " + MAXIMUM_LENGTH + " characters");
		}
		// access to the patient is decided above; the appointment only has to be theirs
		if (appointmentId != null && appointments.require(appointmentId).patientId() != patientId) {
			throw Refusal.invalidField("appointmentId", "This appointment is not the patient's");
		}
		Note note = notes.save(new Note(patientId, appointmentId, actor.userId(), text.strip(), clock.instant()));
		ClinicalNote written = note.toClinicalNote(callers.self(actor).fullName());
		audit.record(AuditRecord.success(actor, "CREATE", "CLINICAL_NOTE", written.id(),
				patientId));
		return written;
	}

	/**
	 * A patient's notes, newest first ({@value #MAXIMUM_LISTED} at most), for those who may write them: the
	 * clinician who cares for the patient and administrators; everyone else is refused and audited.
	 */
	@Transactional // the read is audited: even it writes
	public List<ClinicalNote> ofPatient(long patientId, Actor actor) {
		requireCarer(patientId, actor, "LIST", "LIST_NOTES");
		List<Note> found = notes.findByPatientIdOrderByCreatedAtDescIdDesc(patientId,
				PageRequest.of(0, MAXIMUM_LISTED));
		Map<Long, Account> authors = accounts.findAll(found.stream().map(Note::getAuthorUserId).distinct().toList());
		audit.record(AuditRecord.of(actor, "LIST", "CLINICAL_NOTE", null, patientId, AuditRecord.Outcome.SUCCESS,
				found.size() + " results"));
		return found.stream().map(n -> {
			Account author = authors.get(n.getAuthorUserId());
			return n.toClinicalNote(author == null ? "" : author.fullName());
		}).toList();
	}

	/** The patient's clinician or an administrator, who also reaches the patient; anyone else is refused, audited. */
	private void requireCarer(long patientId, Actor actor, String action, String patientAction) {
		if (!actor.is(Role.CLINICIAN, Role.ADMIN)) {
			audit.recordDenied(AuditRecord.denied(actor, action, "CLINICAL_NOTE", null, patientId));
			throw Refusal.forbidden();
		}
		patients.requireAccess(patientId, actor, patientAction);
	}
}
