package io.polyclinic.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.PatientRequest.Initiator;
import io.polyclinic.directory.PatientRequest.Status;
import io.polyclinic.directory.internal.PatientRequestRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * Patients asking clinicians to follow them, and the clinicians' answers; and the other way round, clinicians asking
 * patients (the original's access request), the patients deciding. A patient asks for themself only, a clinician for
 * themself only; only the party asked decides; an accepted request is the follow link of {@link CareTeam#follows} (and an ordinary care
 * link besides). Both sides are named by their accounts' public ids, which is how the faces that use this name people,
 * and each operation checks that the caller is the party the path names: a patient's requests are that patient's, a
 * clinician's are that clinician's — staff included, nobody else reads or decides them. Refusals are audited.
 *
 * <p>At most one live (pending or accepted) request per patient and clinician, enforced by the database: asking again
 * while one is pending, or while the clinician already follows the patient, is a conflict.
 */
@Service
@Transactional(readOnly = true)
public class PatientRequests {

	public static final int NOTE_MAX = 1000;
	public static final int REASON_MAX = 500;
	private static final String RESOURCE = "PATIENT_REQUEST";

	private final PatientRequestRows rows;
	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final ClinicianRegistry clinicians;
	private final CareTeam careTeam;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PatientRequests(PatientRequestRows rows, JdbcClient jdbc, AccessPolicy access, ClinicianRegistry clinicians,
			CareTeam careTeam, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.jdbc = jdbc;
		this.access = access;
		this.clinicians = clinicians;
		this.careTeam = careTeam;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The calling patient asks the clinician to follow them.
	 *
	 * @param patientAccountId the patient the request is for: must be the caller
	 * @param doctorAccountId the clinician asked, by account
	 * @throws Refusal FORBIDDEN unless the caller is that patient; NOT_FOUND for an account that is no active
	 *         clinician's (listed or not: DiabCare's doctor finder lists every active médecin);
	 *         INVALID_INPUT for a note over {@value #NOTE_MAX} characters; CONFLICT {@code REQUEST_PENDING} or
	 *         {@code ALREADY_FOLLOWING} when the pair already has a live request
	 */
	@Transactional
	public PatientRequest request(UUID patientAccountId, UUID doctorAccountId, @Nullable String urgentNote,
			Actor actor) {
		long patientId = patientSelf(patientAccountId, actor, "CREATE");
		String note = trimmed(urgentNote, "urgentNote", NOTE_MAX);
		Clinician doctor = clinicians.forAccount(doctorAccountId).filter(Clinician::bookable)
			.orElseThrow(() -> Refusal.notFound("Doctor"));
		rows.live(patientId, doctor.id()).ifPresent(live -> {
			throw alreadyLive(live);
		});
		UUID id = UUID.randomUUID();
		Instant now = now();
		try {
			rows.insert(id, patientId, doctor.id(), Initiator.PATIENT, note, now);
		}
		catch (DataIntegrityViolationException concurrent) {
			// a request of the same pair at the same moment won: the database's unique key said so
			throw alreadyLive(Status.PENDING);
		}
		PatientRequest made = rows.get(id, today());
		events.publishEvent(new PatientRequestCreated(id, patientId, actor.userId(), made.patient().fullName(),
				doctor.id(), doctor.userId(), made.hasUrgentNote(), now));
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, id, patientId));
		return made;
	}

	/**
	 * The clinician's pending requests, newest first, with each patient's name, age and note.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that clinician
	 */
	@Transactional // not read-only: the list is audited
	public Page<PatientRequest> pending(UUID doctorAccountId, Pageable page, Actor actor) {
		long clinicianId = clinicianSelf(doctorAccountId, actor, "LIST");
		Page<PatientRequest> found = rows.find(clinicianId, null, Status.PENDING, Initiator.PATIENT, page, today());
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, null, AuditRecord.Outcome.SUCCESS,
				found.getNumberOfElements() + " results"));
		return found;
	}

	/**
	 * The patient's requests, whoever asked and whatever became of them, newest first.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that patient
	 */
	public Page<PatientRequest> mine(UUID patientAccountId, Pageable page, Actor actor) {
		long patientId = patientSelf(patientAccountId, actor, "LIST");
		return rows.find(null, patientId, null, null, page, today());
	}

	/**
	 * The clinician accepts: from now on they follow the patient, and care for them.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that clinician and the request is theirs; NOT_FOUND for no such
	 *         request; CONFLICT {@code REQUEST_DECIDED} when it is no longer pending
	 */
	@Transactional
	public PatientRequest accept(UUID doctorAccountId, UUID requestId, Actor actor) {
		PatientRequestRows.Stub stub = addressed(doctorAccountId, requestId, actor, "ACCEPT");
		return accepted(stub, actor);
	}

	/**
	 * The clinician declines, perhaps saying why.
	 *
	 * @throws Refusal as {@link #accept}; INVALID_INPUT for a reason over {@value #REASON_MAX} characters
	 */
	@Transactional
	public PatientRequest decline(UUID doctorAccountId, UUID requestId, @Nullable String reason, Actor actor) {
		PatientRequestRows.Stub stub = addressed(doctorAccountId, requestId, actor, "DECLINE");
		return declined(stub, reason, actor);
	}

	/**
	 * The calling clinician asks the patient to let them follow them (the original's access request).
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that clinician; NOT_FOUND for an account that is no patient's;
	 *         CONFLICT {@code REQUEST_PENDING} or {@code ALREADY_FOLLOWING} when the pair already has a live request
	 */
	@Transactional
	public PatientRequest offer(UUID doctorAccountId, UUID patientAccountId, Actor actor) {
		long clinicianId = clinicianSelf(doctorAccountId, actor, "CREATE");
		Long patientId = patientOfAccount(patientAccountId);
		if (patientId == null) {
			throw Refusal.notFound("Patient");
		}
		rows.live(patientId, clinicianId).ifPresent(live -> {
			throw live == Status.ACCEPTED ? alreadyLive(live) : offerPending();
		});
		UUID id = UUID.randomUUID();
		try {
			rows.insert(id, patientId, clinicianId, Initiator.CLINICIAN, null, now());
		}
		catch (DataIntegrityViolationException concurrent) {
			throw offerPending();
		}
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, id, patientId));
		return rows.get(id, today());
	}

	/**
	 * The clinicians' pending requests to the patient, newest first.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that patient
	 */
	public Page<PatientRequest> offers(UUID patientAccountId, Pageable page, Actor actor) {
		long patientId = patientSelf(patientAccountId, actor, "LIST");
		return rows.find(null, patientId, Status.PENDING, Initiator.CLINICIAN, page, today());
	}

	/**
	 * The patient lets the clinician who asked follow them.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that patient and a clinician asked them; NOT_FOUND for no such
	 *         request; CONFLICT {@code REQUEST_DECIDED} when it is no longer pending
	 */
	@Transactional
	public PatientRequest acceptOffer(UUID patientAccountId, UUID requestId, Actor actor) {
		PatientRequestRows.Stub stub = offered(patientAccountId, requestId, actor, "ACCEPT");
		return accepted(stub, actor);
	}

	/**
	 * The patient declines the clinician who asked, perhaps saying why.
	 *
	 * @throws Refusal as {@link #acceptOffer}; INVALID_INPUT for a reason over {@value #REASON_MAX} characters
	 */
	@Transactional
	public PatientRequest declineOffer(UUID patientAccountId, UUID requestId, @Nullable String reason, Actor actor) {
		PatientRequestRows.Stub stub = offered(patientAccountId, requestId, actor, "DECLINE");
		return declined(stub, reason, actor);
	}

	/**
	 * Whether the clinician follows the patient, asked by the patient.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that patient; NOT_FOUND for an account that is no clinician's
	 */
	public boolean isFollowedBy(UUID patientAccountId, UUID doctorAccountId, Actor actor) {
		long patientId = patientSelf(patientAccountId, actor, "READ");
		Clinician doctor = clinicians.forAccount(doctorAccountId).orElseThrow(() -> Refusal.notFound("Doctor"));
		return careTeam.follows(doctor.id(), patientId);
	}

	/**
	 * Whether the clinician follows the patient, asked by the clinician.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that clinician; NOT_FOUND for an account that is no patient's
	 */
	public boolean isFollowing(UUID doctorAccountId, UUID patientAccountId, Actor actor) {
		long clinicianId = clinicianSelf(doctorAccountId, actor, "READ");
		Long patientId = patientOfAccount(patientAccountId);
		if (patientId == null) {
			throw Refusal.notFound("Patient");
		}
		return careTeam.follows(clinicianId, patientId);
	}

	/**
	 * The clinicians who follow the patient, the longest-standing first.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that patient
	 */
	public List<Clinician> doctorsOf(UUID patientAccountId, Actor actor) {
		long patientId = patientSelf(patientAccountId, actor, "LIST");
		List<Long> ids = jdbc.sql("""
				SELECT r.clinician_id FROM patient_requests r JOIN clinicians c ON c.id = r.clinician_id
				WHERE r.patient_id = ? AND r.status = 'ACCEPTED' AND c.deleted_at IS NULL
				ORDER BY r.decided_at, r.id""")
			.param(patientId)
			.query(Long.class)
			.list();
		var byId = clinicians.findAll(ids);
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * The patients the clinician follows, the most recently accepted first, perhaps only those whose name or email
	 * contains {@code text}; a page and its total, counted in SQL.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is that clinician
	 */
	@Transactional // not read-only: the list is audited
	public Page<Patient> patientsOf(UUID doctorAccountId, @Nullable String text, Pageable page, Actor actor) {
		long clinicianId = clinicianSelf(doctorAccountId, actor, "LIST");
		Page<Patient> found = rows.followed(clinicianId, text, page);
		audit.record(AuditRecord.of(actor, "LIST", "PATIENT", null, null, AuditRecord.Outcome.SUCCESS,
				found.getNumberOfElements() + " results"));
		return found;
	}

	/**
	 * Every patient the doctor follows (matching the text, if given: a part of the name or email), latest accepted
	 * first, as numeric ids: for a module that ranks or filters a doctor's patients by what it keeps (clinical's
	 * glucose standing). Only that doctor asks.
	 */
	@Transactional(readOnly = true)
	public List<Long> followedPatientIds(UUID doctorAccountId, @Nullable String text, Actor actor) {
		return rows.followedIds(clinicianSelf(doctorAccountId, actor, "LIST"), text);
	}

	/** Accepted, by whichever party was asked: the follow link, an ordinary care link, the event. */
	private PatientRequest accepted(PatientRequestRows.Stub stub, Actor actor) {
		Instant now = decide(stub, Status.ACCEPTED, null);
		careTeam.link(stub.patientId(), stub.clinicianId());
		events.publishEvent(new PatientRequestAccepted(stub.publicId(), stub.patientId(), stub.patientUserId(),
				stub.clinicianId(), stub.clinicianUserId(), now));
		audit.record(AuditRecord.success(actor, "ACCEPT", RESOURCE, stub.publicId(), stub.patientId()));
		return rows.get(stub.id(), today());
	}

	/** Declined, by whichever party was asked, perhaps saying why. */
	private PatientRequest declined(PatientRequestRows.Stub stub, @Nullable String reason, Actor actor) {
		String why = trimmed(reason, "reason", REASON_MAX);
		Instant now = decide(stub, Status.DECLINED, why);
		events.publishEvent(new PatientRequestDeclined(stub.publicId(), stub.patientId(), stub.patientUserId(),
				stub.clinicianId(), stub.clinicianUserId(), why, now));
		audit.record(AuditRecord.success(actor, "DECLINE", RESOURCE, stub.publicId(), stub.patientId()));
		return rows.get(stub.id(), today());
	}

	private Instant decide(PatientRequestRows.Stub stub, Status decision, @Nullable String reason) {
		if (stub.status() != Status.PENDING) {
			throw decided(stub.status());
		}
		Instant now = now();
		if (!rows.decide(stub.id(), decision, reason, now)) {
			// decided by a concurrent call since it was read
			throw decided(decision);
		}
		return now;
	}

	/**
	 * The request, if the caller is the clinician the path names and the request is a patient's to them: a request
	 * the clinician asked themself is the patient's to decide.
	 */
	private PatientRequestRows.Stub addressed(UUID doctorAccountId, UUID requestId, Actor actor, String action) {
		long clinicianId = clinicianSelf(doctorAccountId, actor, action);
		PatientRequestRows.Stub stub = rows.stub(requestId).orElseThrow(() -> Refusal.notFound("Patient request"));
		if (stub.clinicianId() != clinicianId || stub.initiatedBy() != Initiator.PATIENT) {
			throw access.denied(actor, action, RESOURCE, requestId, stub.patientId());
		}
		return stub;
	}

	/** The request, if the caller is the patient the path names and the request is a clinician's to them. */
	private PatientRequestRows.Stub offered(UUID patientAccountId, UUID requestId, Actor actor, String action) {
		long patientId = patientSelf(patientAccountId, actor, action);
		PatientRequestRows.Stub stub = rows.stub(requestId).orElseThrow(() -> Refusal.notFound("Patient request"));
		if (stub.patientId() != patientId || stub.initiatedBy() != Initiator.CLINICIAN) {
			throw access.denied(actor, action, RESOURCE, requestId, stub.patientId());
		}
		return stub;
	}

	/** The caller's patient id, if the caller is the patient whose account is named; refuses (audited) otherwise. */
	private long patientSelf(UUID patientAccountId, Actor actor, String action) {
		Reach reach = access.reachOf(actor);
		Long named = patientOfAccount(patientAccountId);
		if (named == null || !reach.isPatient(named)) {
			throw access.denied(actor, action, RESOURCE, patientAccountId, named);
		}
		return named;
	}

	/** The caller's clinician id, if the caller is the clinician whose account is named; refuses (audited) otherwise. */
	private long clinicianSelf(UUID doctorAccountId, Actor actor, String action) {
		Reach reach = access.reachOf(actor);
		Long named = jdbc.sql("""
				SELECT c.id FROM clinicians c JOIN users u ON u.id = c.user_id
				WHERE u.public_id = ? AND c.deleted_at IS NULL""")
			.param(doctorAccountId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (named == null || !reach.isClinician(named)) {
			throw access.denied(actor, action, RESOURCE, doctorAccountId, null);
		}
		return named;
	}

	private @Nullable Long patientOfAccount(UUID accountId) {
		return jdbc.sql("SELECT p.id FROM patients p JOIN users u ON u.id = p.user_id WHERE u.public_id = ?")
			.param(accountId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** To the microsecond, as the database keeps it: events and rows tell the same time. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static @Nullable String trimmed(@Nullable String text, String field, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.trim();
		if (value.length() > max) {
			throw Refusal.invalidField(field, "Must be at most " + max + " characters");
		}
		return value;
	}

	private static Refusal alreadyLive(Status live) {
		return live == Status.ACCEPTED
				? Refusal.conflict("ALREADY_FOLLOWING", "This doctor already follows the patient")
				: Refusal.conflict("REQUEST_PENDING", "A pending request to this doctor already exists");
	}

	private static Refusal offerPending() {
		return Refusal.conflict("REQUEST_PENDING", "A request between this doctor and this patient is already pending");
	}

	private static Refusal decided(Status status) {
		return Refusal.conflict("REQUEST_DECIDED", "The request was already " + status.name().toLowerCase());
	}
}
