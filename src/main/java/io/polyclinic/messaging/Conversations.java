package io.polyclinic.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.messaging.internal.ConversationRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Conversations between a patient and a clinician: one per pair, opened by either party (or by their first
 * appointment), listed for each party with the other's name and the caller's unread count. Only the parties
 * themselves open or list them: staff take part in no conversation and read none.
 */
@Service
public class Conversations {

	public static final int MAX_LIMIT = 100;

	private final ConversationRows rows;
	private final AccessPolicy access;
	private final ClinicianRegistry clinicians;
	private final Clock clock;

	Conversations(ConversationRows rows, AccessPolicy access, ClinicianRegistry clinicians, Clock clock) {
		this.rows = rows;
		this.access = access;
		this.clinicians = clinicians;
		this.clock = clock;
	}

	/**
	 * The caller's conversations, the latest first, at most {@code limit}, each showing the other party. Staff take
	 * part in none: their list is empty.
	 */
	@Transactional(readOnly = true)
	public List<ConversationSummary> mine(int limit, Actor actor) {
		return mine(limit, 0, actor);
	}

	/**
	 * A window of the caller's conversations, the latest activity first: {@code limit} of them after skipping the
	 * {@code offset} more recent ones. Staff take part in none: their list is empty.
	 */
	@Transactional(readOnly = true)
	public List<ConversationSummary> mine(int limit, long offset, Actor actor) {
		checkLimit(limit);
		if (offset < 0) {
			throw Refusal.invalidField("offset", "offset must not be negative");
		}
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.PATIENT && reach.patientId() != null) {
			return rows.ofPatient(reach.patientId(), actor.userId(), limit, offset);
		}
		if (reach.kind() == Reach.Kind.CLINICIAN && reach.clinicianId() != null) {
			return rows.ofClinician(reach.clinicianId(), actor.userId(), limit, offset);
		}
		return List.of();
	}

	/**
	 * The conversation of a patient and a clinician (both named by their accounts' public ids), opened now unless it
	 * is open already: the same conversation however often, and however many at once, it is asked for. Only a party
	 * opens it — the patient, with any active clinician; the clinician, with a patient they care for. Anyone else is refused (FORBIDDEN), staff included.
	 */
	public Conversation open(UUID patientAccountId, UUID clinicianAccountId, Actor actor) {
		long patientId;
		long clinicianId;
		if (actor.is(Role.PATIENT) && !actor.isSystem()) {
			var patient = rows.patientOfAccount(patientAccountId).filter(p -> p.userId() == actor.userId())
				.orElseThrow(() -> access.denied(actor, "OPEN", "CONVERSATION", null, null));
			patientId = patient.id();
			// any active clinician: DiabCare's app lists every one to its patients, verified and listed or not
			clinicianId = clinicians.forAccount(clinicianAccountId).filter(Clinician::bookable)
				.orElseThrow(() -> Refusal.notFound("Doctor")).id();
		}
		else if (actor.is(Role.CLINICIAN) && !actor.isSystem()) {
			Clinician clinician = clinicians.forAccount(clinicianAccountId).filter(c -> c.userId() == actor.userId())
				.orElseThrow(() -> access.denied(actor, "OPEN", "CONVERSATION", null, null));
			clinicianId = clinician.id();
			patientId = rows.patientOfAccount(patientAccountId).orElseThrow(() -> Refusal.notFound("Patient")).id();
			access.requirePatient(actor, patientId, "OPEN_CONVERSATION");
		}
		else {
			throw access.denied(actor, "OPEN", "CONVERSATION", null, null);
		}
		long id = rows.open(patientId, clinicianId, ConversationKind.GENERAL, clock.instant());
		return rows.one(id, actor.userId());
	}

	/**
	 * A patient's conversations, the latest activity first, at most {@code limit}: for that patient only (anyone
	 * else, FORBIDDEN).
	 */
	@Transactional(readOnly = true)
	public List<Conversation> ofPatient(UUID patientAccountId, int limit, Actor actor) {
		checkLimit(limit);
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.PATIENT || reach.patientId() == null || !own(patientAccountId, actor)) {
			throw access.denied(actor, "LIST", "CONVERSATION", patientAccountId, null);
		}
		return rows.withPatient(reach.patientId(), actor.userId(), limit);
	}

	/**
	 * A clinician's conversations, the latest activity first, at most {@code limit}: for that clinician only (anyone
	 * else, FORBIDDEN).
	 */
	@Transactional(readOnly = true)
	public List<Conversation> ofClinician(UUID clinicianAccountId, int limit, Actor actor) {
		checkLimit(limit);
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null || !own(clinicianAccountId, actor)) {
			throw access.denied(actor, "LIST", "CONVERSATION", clinicianAccountId, null);
		}
		return rows.withClinician(reach.clinicianId(), actor.userId(), limit);
	}

	/** Whether the account is the caller's own (resolved from the caller's user, whatever a face passes). */
	private boolean own(UUID accountId, Actor actor) {
		return !actor.isSystem() && rows.userOfAccount(accountId).filter(id -> id == actor.userId()).isPresent();
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw Refusal.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
	}
}
