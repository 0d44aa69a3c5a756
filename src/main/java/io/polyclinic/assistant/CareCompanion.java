package io.polyclinic.assistant;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.assistant.internal.CompanionRows;
import io.polyclinic.assistant.internal.CrisisDetector;
import io.polyclinic.assistant.internal.Conversation;
import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * The care companion: anyone signed in asks it about their own health, in sessions of their own, and lists their own
 * sessions. Every question is first read by the crisis detector (offline, deterministic); a crisis is answered with
 * emergency guidance, recorded as an intervention and announced ({@link CrisisDetected}) so that the patient's
 * clinicians are told. Other questions are answered by the configured LLM, or the built-in triage engine.
 *
 * <p>A session is its opener's only: anyone else's (or one that does not exist) is not found, and the attempt is
 * audited as a refusal. Anonymous callers are refused, and so is the clinic's own system actor, which has no health
 * to ask about.
 */
@Service
public class CareCompanion {

	public static final int QUERY_MAX = 2000;
	public static final int IMAGE_URL_MAX = 2000;
	public static final int DEFAULT_SESSIONS = 50;
	public static final int MAX_SESSIONS = 100;
	private static final String RESOURCE = "AI_CHAT_SESSION";

	private final Conversation conversation;
	private final CompanionRows rows;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CareCompanion(Conversation conversation, CompanionRows rows, AccessPolicy access, AuditLog audit,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.conversation = conversation;
		this.rows = rows;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Answers a question, in the session it names or in a new one.
	 *
	 * @throws Refusal UNAUTHENTICATED for an anonymous caller; FORBIDDEN for the clinic's own processes; INVALID_INPUT
	 *         ({@code query}) for a blank question or one longer than {@value #QUERY_MAX} characters, ({@code imageUrl})
	 *         for a picture address longer than {@value #IMAGE_URL_MAX}; NOT_FOUND for a session that is not the
	 *         caller's (or none)
	 */
	public CompanionReply ask(CompanionQuestion question, @Nullable Actor actor) {
		Actor caller = requirePerson(actor, "ASK");
		String query = question.query() == null ? "" : question.query().strip();
		if (query.isEmpty()) {
			throw Refusal.invalidField("query", "A question is required");
		}
		if (query.length() > QUERY_MAX) {
			throw Refusal.invalidField("query", "At most " + QUERY_MAX + " characters");
		}
		String imageUrl = question.imageUrl() == null || question.imageUrl().isBlank() ? null
				: question.imageUrl().strip();
		if (imageUrl != null && imageUrl.length() > IMAGE_URL_MAX) {
			throw Refusal.invalidField("imageUrl", "At most " + IMAGE_URL_MAX + " characters");
		}
		CompanionRows.Session session = question.sessionId() == null ? null : own(question.sessionId(), caller, "ASK");
		Reach reach = access.reachOf(caller);
		Long patientId = reach.kind() == Reach.Kind.PATIENT ? reach.patientId() : null;

		// decided and answered before the transaction: an LLM's answer may take seconds
		Conversation.Turn turn = conversation.answer(query, patientId != null);
		return transactions.execute(status -> record(caller, patientId, session, query, imageUrl, turn));
	}

	/**
	 * The caller's own sessions, newest first.
	 *
	 * @throws Refusal UNAUTHENTICATED for an anonymous caller; FORBIDDEN for the clinic's own processes; INVALID_INPUT
	 *         ({@code limit}) outside 1..{@value #MAX_SESSIONS}
	 */
	public List<CompanionSession> sessions(int limit, @Nullable Actor actor) {
		Actor caller = requirePerson(actor, "LIST");
		if (limit < 1 || limit > MAX_SESSIONS) {
			throw Refusal.invalidField("limit", "Limit must be between 1 and " + MAX_SESSIONS);
		}
		return rows.newest(caller.userId(), limit);
	}

	/**
	 * What was asked and answered in one of the caller's sessions, oldest first.
	 *
	 * @throws Refusal UNAUTHENTICATED for an anonymous caller; FORBIDDEN for the clinic's own processes; NOT_FOUND for
	 *         a session that is not the caller's, or that they closed
	 */
	public List<CompanionExchange> exchanges(UUID sessionId, @Nullable Actor actor) {
		Actor caller = requirePerson(actor, "READ");
		return rows.exchanges(own(sessionId, caller, "READ").id());
	}

	/**
	 * Closes one of the caller's sessions: it leaves their list and takes no more questions; what was said in it is
	 * kept.
	 *
	 * @throws Refusal UNAUTHENTICATED for an anonymous caller; FORBIDDEN for the clinic's own processes; NOT_FOUND for
	 *         a session that is not the caller's, or that is closed already
	 */
	public void end(UUID sessionId, @Nullable Actor actor) {
		Actor caller = requirePerson(actor, "END");
		rows.end(own(sessionId, caller, "END").id(), clock.instant());
	}

	private CompanionReply record(Actor caller, @Nullable Long patientId, CompanionRows.@Nullable Session existing,
			String query, @Nullable String imageUrl, Conversation.Turn turn) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		CrisisDetector.Detection crisis = turn.crisis();
		CompanionRows.Session session = existing != null ? existing
				: rows.open(caller.userId(), patientId, turn.type(), turn.summary(), now);
		long logId = rows.log(session.id(), query, imageUrl, turn.reply(), turn.action().name(), crisis != null,
				turn.answeredBy(), now);
		if (crisis == null) {
			rows.touch(session.id(), null, null, now);
			return new CompanionReply(turn.reply(), turn.action(), session.publicId(), null);
		}
		rows.touch(session.id(), SessionType.CRISIS_SUPPORT, turn.summary(), now);
		UUID intervention = rows.intervention(session.id(), logId, caller.userId(), patientId, crisis.category().name(),
				crisis.layer().name(), crisis.evidence(), turn.language(), crisis.exemplarVersion(), now);
		events.publishEvent(new CrisisDetected(intervention, session.publicId(), caller.userId(), patientId,
				crisis.category(), crisis.layer().name(), now));
		return new CompanionReply(turn.reply(), CompanionAction.TRIAGE_ESCALATION, session.publicId(),
				crisis.category());
	}

	private CompanionRows.Session own(UUID sessionId, Actor caller, String action) {
		CompanionRows.Session session = rows.session(sessionId).orElseThrow(() -> Refusal.notFound("Session"));
		if (session.userId() != caller.userId()) {
			audit.recordDenied(AuditRecord.denied(caller, action, RESOURCE, sessionId, null));
			throw Refusal.notFound("Session");
		}
		return session;
	}

	private Actor requirePerson(@Nullable Actor actor, String action) {
		if (actor == null) {
			throw Refusal.unauthenticated("UNAUTHENTICATED", "Authentication required");
		}
		if (actor.isSystem()) {
			audit.recordDenied(AuditRecord.denied(actor, action, RESOURCE, null, null));
			throw Refusal.forbidden();
		}
		return actor;
	}
}
