package io.polyclinic.clinical;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.DocumentEntries;
import io.polyclinic.clinical.internal.DocumentEntry;
import io.polyclinic.clinical.internal.DocumentRows;
import io.polyclinic.directory.Reach;
import io.polyclinic.files.FilePurpose;
import io.polyclinic.files.FileStore;
import io.polyclinic.files.SignedUrl;
import io.polyclinic.files.StoredFile;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * Documents on a patient's file (lab reports, scans, discharge summaries, insurance cards): the bytes go to the files
 * module (judged by content: images or PDF, at most its size limit), the description stays here.
 *
 * <p>Who may do what, whatever the face: the patient uploads their own documents, a clinician who cares for the
 * patient and staff who reach the patient upload to the patient's file; whoever may see the patient reads, lists and
 * downloads them. A document's description is changed by its uploader or by a carer (a clinician or staff who reach
 * the patient), and only a carer marks it verified; it is deleted by its uploader or an administrator. Downloads are
 * signed links of the files module that expire ({@code polyclinic.files.url-ttl}); asking for one is the audited read.
 */
@Service
@Transactional(readOnly = true)
public class MedicalDocuments {

	public static final int TITLE_LENGTH = 255;
	public static final int TEXT_LENGTH = 10_000;

	/** The domain's name of a document's file, in refusals. */
	public static final String FILE = "documentFile";

	private static final String RESOURCE = "MEDICAL_DOCUMENT";

	private final DocumentEntries entries;
	private final DocumentRows rows;
	private final ChartAccess access;
	private final AppointmentBook appointments;
	private final FileStore files;
	private final AuditLog audit;
	private final Clock clock;

	MedicalDocuments(DocumentEntries entries, DocumentRows rows, ChartAccess access, AppointmentBook appointments,
			FileStore files, AuditLog audit, Clock clock) {
		this.entries = entries;
		this.rows = rows;
		this.access = access;
		this.appointments = appointments;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Puts a document on the patient's file.
	 *
	 * @throws Refusal NOT_FOUND for no such patient; FORBIDDEN (audited) for a caller who may not write on the
	 *         patient's file; INVALID naming {@code documentType}, {@code title}, {@code description},
	 *         {@code appointment} or {@link #FILE} (missing, empty, too large, not an image or PDF by its content)
	 */
	@Transactional
	public MedicalDocument upload(NewMedicalDocument document, Actor actor) {
		access.requireExists(document.patientId());
		access.writer(actor, document.patientId(), "CREATE", RESOURCE, null);
		Map<String, String> problems = new LinkedHashMap<>();
		if (document.type() == null) {
			problems.put("documentType", "This field is required.");
		}
		String title = title(document.title(), problems);
		String description = description(document.description(), problems);
		if (document.file() == null) {
			problems.put(FILE, "No file was submitted.");
		}
		if (document.appointmentId() != null) {
			Appointment appointment = appointments.findAll(java.util.List.of(document.appointmentId()))
				.get(document.appointmentId());
			if (appointment == null || appointment.patientId() != document.patientId()) {
				problems.put("appointment", "This appointment is not the patient's.");
			}
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		StoredFile file;
		try {
			file = files.store(actor, FilePurpose.MEDICAL_DOCUMENT, document.file(), document.fileName());
		}
		catch (Refusal refused) {
			// the files module names its one field "file"; here it is the document's file
			String problem = refused.fields().get("file");
			throw problem == null ? refused : new Refusal(refused.kind(), refused.code(), problem, Map.of(FILE, problem));
		}
		String name = file.name() != null ? file.name() : "document." + file.type().extension();
		DocumentEntry entry = entries.saveAndFlush(new DocumentEntry(document.patientId(), actor.userId(),
				document.appointmentId(), document.type(), title, description, file.id(), name, file.size(),
				file.contentType(), false, clock.instant()));
		MedicalDocument saved = require(entry.getId());
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, saved.id(), saved.patientId()));
		return saved;
	}

	/** One document, for a caller who may see its patient; the read is audited. */
	@Transactional // the read is audited: even it writes
	public MedicalDocument get(long id, Actor actor) {
		MedicalDocument document = require(id);
		access.reader(actor, document.patientId(), "READ", RESOURCE, id);
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, id, document.patientId()));
		return document;
	}

	/** The documents the caller may see that the query asks for, paged in SQL. */
	@Transactional // the list is audited
	public Page<MedicalDocument> find(MedicalDocumentQuery query, Pageable page, Actor actor) {
		Reach reach = access.lister(actor, RESOURCE);
		DocumentRows.Page found = rows.page(reach, query, page.getOffset(), page.getPageSize());
		long total = found.documents().isEmpty() && page.getOffset() > 0 ? rows.count(reach, query) : found.total();
		Long patient = query.patientId() != null && query.patientId() > 0 ? query.patientId() : null;
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patient, AuditRecord.Outcome.SUCCESS,
				found.documents().size() + " results"));
		return new PageImpl<>(found.documents(), page, total);
	}

	/**
	 * Changes a document's description: its uploader or a carer of the patient; only a carer sets {@code verified}.
	 */
	@Transactional
	public MedicalDocument change(long id, MedicalDocumentChanges changes, Actor actor) {
		DocumentEntry entry = entry(id);
		Reach reach = access.writer(actor, entry.getPatientId(), "UPDATE", RESOURCE, id);
		boolean carer = ChartAccess.carer(reach);
		if (!carer && entry.getUploadedByUserId() != actor.userId()) {
			throw access.denied(actor, "UPDATE", RESOURCE, id, entry.getPatientId());
		}
		if (changes.verified() != null && !carer) {
			throw access.denied(actor, "VERIFY", RESOURCE, id, entry.getPatientId());
		}
		Map<String, String> problems = new LinkedHashMap<>();
		String title = changes.title() == null ? null : title(changes.title(), problems);
		String description = changes.description() == null ? null : description(changes.description(), problems);
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		entry.describe(new MedicalDocumentChanges(changes.type(), title,
				changes.description() == null ? null : description == null ? "" : description, changes.verified()),
				clock.instant());
		entries.saveAndFlush(entry);
		MedicalDocument changed = require(id);
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, id, changed.patientId()));
		return changed;
	}

	/** Deletes a document: its uploader (while they may still write on the patient's file) or an administrator. */
	@Transactional
	public void delete(long id, Actor actor) {
		DocumentEntry entry = entry(id);
		if (!actor.isSystem() && !actor.is(Role.ADMIN, Role.MANAGER)) {
			access.writer(actor, entry.getPatientId(), "DELETE", RESOURCE, id);
			if (entry.getUploadedByUserId() != actor.userId()) {
				throw access.denied(actor, "DELETE", RESOURCE, id, entry.getPatientId());
			}
		}
		entry.delete(clock.instant());
		entries.saveAndFlush(entry);
		audit.record(AuditRecord.success(actor, "DELETE", RESOURCE, id, entry.getPatientId()));
	}

	/**
	 * A signed link to the document's file, for a caller who may see its patient: it serves the file's bytes to
	 * whoever holds it, without a token, until it expires. Asking for it is audited as a download.
	 */
	@Transactional
	public DocumentLink link(long id, Actor actor) {
		MedicalDocument document = require(id);
		access.reader(actor, document.patientId(), "DOWNLOAD", RESOURCE, id);
		// access to the file is decided here, by the patient's file: the clinic asks for it as itself
		StoredFile file = files.find(Actor.system(), document.fileId());
		SignedUrl url = files.url(file);
		audit.record(AuditRecord.success(actor, "DOWNLOAD", RESOURCE, id, document.patientId()));
		return new DocumentLink(document, url.url(), url.expiresAt());
	}

	/** How many documents the patient has, and the newest ones: for the patient's summary (access decided there). */
	java.util.List<MedicalDocument> recentOf(long patientId, int limit) {
		return rows.recent(patientId, limit);
	}

	long countOf(long patientId) {
		return rows.countOf(patientId);
	}

	private MedicalDocument require(long id) {
		return rows.byId(id).orElseThrow(() -> Refusal.notFound("Medical document"));
	}

	private DocumentEntry entry(long id) {
		return entries.findById(id).filter(e -> !e.isDeleted())
			.orElseThrow(() -> Refusal.notFound("Medical document"));
	}

	private static @Nullable String title(@Nullable String title, Map<String, String> problems) {
		if (title == null || title.isBlank()) {
			problems.put("title", "This field may not be blank.");
			return null;
		}
		if (title.strip().length() > TITLE_LENGTH) {
			problems.put("title", "Ensure this field has no more than " + TITLE_LENGTH + " characters.");
			return null;
		}
		return title.strip();
	}

	private static @Nullable String description(@Nullable String description, Map<String, String> problems) {
		if (description == null || description.isBlank()) {
			return null;
		}
		if (description.length() > TEXT_LENGTH) {
			problems.put("description", "Ensure this field has no more than " + TEXT_LENGTH + " characters.");
			return null;
		}
		return description.strip();
	}

	static Refusal invalid(Map<String, String> problems) {
		return new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, problems.values().iterator().next(), problems);
	}
}
