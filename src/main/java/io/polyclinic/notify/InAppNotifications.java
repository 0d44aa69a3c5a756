package io.polyclinic.notify;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.notify.internal.InAppRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * A person's in-app notifications: what the clinic told them (critical readings of the patients a clinician follows,
 * new patient requests, appointments the other party acted on, messages), newest first, read or unread. Everyone
 * with an account has their own — patients, clinicians, staff — and reads and marks only their own; the clinic's own
 * processes have none. Filtering, paging and counting happen in the database.
 *
 * <p>Each notification is pushed to its person's connected clients once stored (topic {@value #LIVE_TOPIC}).
 *
 * <p>Someone else's notification is answered as if there were none (NOT_FOUND), so that nobody learns which exist;
 * the attempt is still written to the audit trail as a refusal.
 */
@Service
@Transactional(readOnly = true)
public class InAppNotifications {

	/** The live update of a stored notification: its subject is the notification's public id. */
	public static final String LIVE_TOPIC = "notification";
	public static final int DEFAULT_LIMIT = 20;
	public static final int MAX_LIMIT = 100;
	private static final String RESOURCE = "IN_APP_NOTIFICATION";

	private final InAppRows rows;
	private final AuditLog audit;
	private final Clock clock;

	InAppNotifications(InAppRows rows, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Which of the caller's notifications to list.
	 *
	 * @param type only this type; null for every type
	 * @param limit how many, 1 to {@value #MAX_LIMIT}
	 * @param offset how many of the newest to skip
	 */
	public record Query(boolean unreadOnly, InAppNotification.@Nullable Type type, int limit, long offset) {

		public static Query latest() {
			return new Query(false, null, DEFAULT_LIMIT, 0);
		}
	}

	/**
	 * Some of the caller's notifications, and how many of all theirs are unread.
	 *
	 * @param unreadCount every unread notification of the caller's, whatever the query
	 */
	public record Inbox(List<InAppNotification> notifications, long unreadCount) {
	}

	/**
	 * The caller's notifications, newest first.
	 *
	 * @throws Refusal FORBIDDEN for the clinic's own processes; INVALID_INPUT for a limit outside 1..{@value #MAX_LIMIT}
	 *         or a negative offset
	 */
	public Inbox mine(Query query, Actor actor) {
		requirePerson(actor, "LIST");
		if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
			throw Refusal.invalidField("limit", "Limit must be between 1 and " + MAX_LIMIT);
		}
		if (query.offset() < 0) {
			throw Refusal.invalidField("offset", "Offset cannot be negative");
		}
		return new Inbox(rows.list(actor.userId(), query.unreadOnly(), query.type(), query.limit(), query.offset()),
				rows.unread(actor.userId()));
	}

	/** How many of the caller's notifications are unread. */
	public long unreadCount(Actor actor) {
		requirePerson(actor, "COUNT");
		return rows.unread(actor.userId());
	}

	/**
	 * One of the caller's notifications (a live update names it; the face reads it as its person).
	 *
	 * @throws Refusal NOT_FOUND when the caller has no such notification
	 */
	public InAppNotification get(UUID id, Actor actor) {
		return own(id, actor, "READ");
	}

	/**
	 * Marks one of the caller's notifications read; again is harmless (it keeps the first reading's time).
	 *
	 * @throws Refusal NOT_FOUND when the caller has no such notification, someone else's included
	 */
	@Transactional
	public InAppNotification markRead(UUID id, Actor actor) {
		own(id, actor, "MARK_READ");
		rows.markRead(id, actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
		return rows.find(id).orElseThrow(() -> Refusal.notFound("Notification"));
	}

	/** Marks every unread notification of the caller's read; answers how many were unread. */
	@Transactional
	public int markAllRead(Actor actor) {
		requirePerson(actor, "MARK_READ");
		return rows.markAllRead(actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	private InAppNotification own(UUID id, Actor actor, String action) {
		requirePerson(actor, action);
		InAppNotification found = rows.find(id).orElseThrow(() -> Refusal.notFound("Notification"));
		if (found.userId() != actor.userId()) {
			audit.recordDenied(AuditRecord.denied(actor, action, RESOURCE, id, null));
			throw Refusal.notFound("Notification");
		}
		return found;
	}

	private void requirePerson(Actor actor, String action) {
		if (actor.isSystem()) {
			audit.recordDenied(AuditRecord.denied(actor, action, RESOURCE, null, null));
			throw Refusal.forbidden();
		}
	}
}
