package io.polyclinic.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.People;
import io.polyclinic.identity.Account;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Status;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.notify.InAppNotification.Via;
import io.polyclinic.notify.internal.InAppNotices;
import io.polyclinic.notify.internal.InAppRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * A person's in-app notifications: what the clinic told them (critical readings of the patients a clinician follows,
 * new patient requests, appointments the other party acted on, messages) and what was written to them (an
 * administrator's notice, a note to oneself), newest first, read or unread. Everyone with an account has their own —
 * patients, clinicians, staff — and reads, writes, changes, deletes and marks only their own; the clinic's own
 * processes have none. Administrators also send notices to anyone (over email or SMS too) and read the clinic's
 * counts. Filtering, paging and counting happen in the database.
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
	/** The most people one bulk send reaches. */
	public static final int MAX_RECIPIENTS = 1000;
	public static final int METADATA_MAX = 4000;
	private static final String RESOURCE = "IN_APP_NOTIFICATION";

	private final InAppRows rows;
	private final InAppNotices notices;
	private final Messenger messenger;
	private final People people;
	private final AuditLog audit;
	private final Clock clock;

	InAppNotifications(InAppRows rows, InAppNotices notices, Messenger messenger, People people, AuditLog audit,
			Clock clock) {
		this.rows = rows;
		this.notices = notices;
		this.messenger = messenger;
		this.people = people;
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

	/** The orders a filtered list may take; newest first is the usual one. */
	public enum Order {
		CREATED, SCHEDULED
	}

	/**
	 * A filtered list of the caller's notifications; each null condition is no condition.
	 *
	 * @param read true for read ones only, false for unread ones only
	 * @param text words in the title or the message
	 * @param type only this kind of notification
	 */
	public record Filter(@Nullable String topic, @Nullable Via via, @Nullable Status status, @Nullable Boolean read,
			@Nullable String text, Order order, boolean descending, InAppNotification.@Nullable Type type) {

		public Filter(@Nullable String topic, @Nullable Via via, @Nullable Status status, @Nullable Boolean read,
				@Nullable String text, Order order, boolean descending) {
			this(topic, via, status, read, text, order, descending, null);
		}

		public static Filter newestFirst() {
			return new Filter(null, null, null, null, null, Order.CREATED, true);
		}
	}

	/**
	 * A notification someone writes.
	 *
	 * @param topic what it tells of, in lower-case words ({@link InAppNotification#TOPIC})
	 * @param via the channel to send it over too; {@link Via#IN_APP} for none
	 * @param metadata what the writer attaches (a JSON object's members), at most {@value #METADATA_MAX} characters
	 *        as JSON
	 */
	public record Draft(String topic, Via via, String title, String message, Map<String, Object> metadata,
			@Nullable Instant scheduledAt) {
	}

	/**
	 * A change of one's own notification; each null part stays as it is.
	 *
	 * @param via only the channel it already has: a notification sent cannot be sent again another way
	 * @param status only {@link Status#READ} (it marks the notification read) or the status it already has
	 */
	public record Change(@Nullable String topic, @Nullable Via via, @Nullable Status status, @Nullable String title,
			@Nullable String message, @Nullable Map<String, Object> metadata, @Nullable Instant scheduledAt) {
	}

	/** What a bulk send did: one notification per person, in the order the people were named. */
	public record Sent(List<InAppNotification> notifications) {

		public int count() {
			return notifications.size();
		}
	}

	/**
	 * The clinic's notifications counted, all of them, in SQL.
	 *
	 * @param byTopic every topic there is, with its count
	 * @param byVia every channel, with its count (zero when none)
	 * @param byStatus every status, with its count (zero when none)
	 * @param readRate the share of notifications read, from 0 to 1 (0 when there are none)
	 */
	public record Stats(long total, long unread, Map<String, Long> byTopic, Map<Via, Long> byVia,
			Map<Status, Long> byStatus, double readRate) {
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

	/**
	 * A page of the caller's notifications, filtered, counted and ordered in the database.
	 *
	 * @throws Refusal FORBIDDEN for the clinic's own processes; INVALID_INPUT for a page larger than
	 *         {@value #MAX_LIMIT}
	 */
	public Page<InAppNotification> list(Filter filter, Pageable page, Actor actor) {
		requirePerson(actor, "LIST");
		if (page.getPageSize() > MAX_LIMIT) {
			throw Refusal.invalidField("limit", "Limit must be between 1 and " + MAX_LIMIT);
		}
		var where = new InAppRows.Where(actor.userId(), filter.topic(), filter.via(), filter.status(), filter.read(),
				filter.text(), filter.type());
		String column = filter.order() == Order.SCHEDULED ? "scheduled_at" : "created_at";
		List<InAppNotification> content = rows.page(where, column, filter.descending(), page.getPageSize(),
				page.getOffset());
		// a first page that is not full is the whole list: no count needed
		long total = page.getOffset() == 0 && content.size() < page.getPageSize() ? content.size()
				: rows.count(where);
		return new PageImpl<>(content, page, total);
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
		return own(rows.find(id), id, actor, "READ");
	}

	/**
	 * One of the caller's notifications by its numeric id.
	 *
	 * @throws Refusal NOT_FOUND when the caller has no such notification, someone else's included
	 */
	public InAppNotification get(long number, Actor actor) {
		return own(rows.find(number), number, actor, "READ");
	}

	/**
	 * Marks one of the caller's notifications read; again is harmless (it keeps the first reading's time).
	 *
	 * @throws Refusal NOT_FOUND when the caller has no such notification, someone else's included
	 */
	@Transactional
	public InAppNotification markRead(UUID id, Actor actor) {
		own(rows.find(id), id, actor, "MARK_READ");
		rows.markRead(id, actor.userId(), now());
		return rows.find(id).orElseThrow(() -> Refusal.notFound("Notification"));
	}

	/** As {@link #markRead(UUID, Actor)}, by the notification's numeric id. */
	@Transactional
	public InAppNotification markRead(long number, Actor actor) {
		InAppNotification found = own(rows.find(number), number, actor, "MARK_READ");
		return markRead(found.id(), actor);
	}

	/** Marks every unread notification of the caller's read; answers how many were unread. */
	@Transactional
	public int markAllRead(Actor actor) {
		requirePerson(actor, "MARK_READ");
		return rows.markAllRead(actor.userId(), now());
	}

	/**
	 * Writes a notification: for the caller themself, or — by an administrator — for anyone, as {@link #send} does.
	 * It is sent over its channel too (email to the person's address, SMS to their phone).
	 *
	 * @param forUserId whom it is for; null for the caller
	 * @throws Refusal FORBIDDEN for anyone else's unless the caller is an administrator, and for the clinic's own
	 *         processes; NOT_FOUND for a person there is none of; INVALID_INPUT for a draft that breaks its rules
	 */
	@Transactional
	public InAppNotification write(@Nullable Long forUserId, Draft draft, Actor actor) {
		requirePerson(actor, "CREATE");
		long userId = forUserId == null ? actor.userId() : forUserId;
		if (userId != actor.userId() && !actor.is(Role.ADMIN)) {
			audit.recordDenied(AuditRecord.denied(actor, "CREATE", RESOURCE, null, null));
			throw Refusal.forbidden("NOT_YOUR_NOTIFICATION", "You may only write notifications for yourself");
		}
		check(draft);
		Account person = people.byIds(Set.of(userId)).get(userId);
		if (person == null || person.deleted()) {
			throw Refusal.notFound("User");
		}
		InAppNotification written = deliver(person, draft);
		if (userId != actor.userId()) {
			audit.record(AuditRecord.success(actor, "SEND", RESOURCE, written.number(), null));
		}
		return written;
	}

	/**
	 * An administrator's notice to one person, told inside the app and sent over its channel too.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is an administrator (or the clinic itself); NOT_FOUND for a person
	 *         there is none of; INVALID_INPUT for a draft that breaks its rules
	 */
	@Transactional
	public InAppNotification send(long userId, Draft draft, Actor actor) {
		requireAdministrator(actor, "SEND");
		check(draft);
		Account person = people.byIds(Set.of(userId)).get(userId);
		if (person == null || person.deleted()) {
			throw Refusal.notFound("User");
		}
		InAppNotification sent = deliver(person, draft);
		audit.record(AuditRecord.success(actor, "SEND", RESOURCE, sent.number(), null));
		return sent;
	}

	/**
	 * An administrator's notice to several people at once (each named once, however often listed), all or none.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is an administrator (or the clinic itself); INVALID_INPUT
	 *         ({@code userIds}) for no people, more than {@value #MAX_RECIPIENTS}, or any there is none of (named), and
	 *         for a draft that breaks its rules
	 */
	@Transactional
	public Sent sendToMany(Collection<Long> userIds, Draft draft, Actor actor) {
		requireAdministrator(actor, "SEND_BULK");
		Set<Long> ids = new LinkedHashSet<>(userIds);
		if (ids.isEmpty()) {
			throw Refusal.invalidField("userIds", "Name at least one user");
		}
		if (ids.size() > MAX_RECIPIENTS) {
			throw Refusal.invalidField("userIds", "At most " + MAX_RECIPIENTS + " users at once");
		}
		check(draft);
		Map<Long, Account> found = people.byIds(ids);
		List<Long> missing = ids.stream().filter(id -> found.get(id) == null || found.get(id).deleted()).toList();
		if (!missing.isEmpty()) {
			throw Refusal.invalidField("userIds", "No such users: "
					+ missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		List<InAppNotification> sent = new ArrayList<>(ids.size());
		for (long id : ids) {
			InAppNotification one = deliver(found.get(id), draft);
			sent.add(one);
			audit.record(AuditRecord.success(actor, "SEND", RESOURCE, one.number(), null));
		}
		return new Sent(sent);
	}

	/**
	 * Changes what one of the caller's notifications says, or marks it read.
	 *
	 * @throws Refusal NOT_FOUND when the caller has no such notification; INVALID_INPUT for a change that breaks the
	 *         rules of a draft, another channel, or a status other than read or the present one
	 */
	@Transactional
	public InAppNotification change(long number, Change change, Actor actor) {
		InAppNotification found = own(rows.find(number), number, actor, "UPDATE");
		if (change.via() != null && change.via() != found.via()) {
			throw Refusal.invalidField("channel", "A notification's channel cannot be changed once it is sent");
		}
		if (change.status() != null && change.status() != found.status() && change.status() != Status.READ) {
			throw Refusal.invalidField("status", "A notification can only be marked read");
		}
		Draft merged = new Draft(change.topic() == null ? found.topic() : change.topic(), found.via(),
				change.title() == null ? found.title() : change.title(),
				change.message() == null ? found.message() : change.message(),
				change.metadata() == null ? found.metadata() : change.metadata(),
				change.scheduledAt() == null ? found.scheduledAt() : change.scheduledAt());
		check(merged);
		rows.rewrite(number, merged.topic(), merged.title(), merged.message(), merged.metadata(), merged.scheduledAt(),
				now());
		if (change.status() == Status.READ) {
			rows.markRead(found.id(), actor.userId(), now());
		}
		return rows.find(number).orElseThrow(() -> Refusal.notFound("Notification"));
	}

	/**
	 * Deletes one of the caller's notifications.
	 *
	 * @throws Refusal NOT_FOUND when the caller has no such notification, someone else's included
	 */
	@Transactional
	public void delete(long number, Actor actor) {
		own(rows.find(number), number, actor, "DELETE");
		rows.delete(number);
	}

	/**
	 * The clinic's notifications counted by topic, channel and status, with how many are unread and the share read —
	 * one aggregate query.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is an administrator (or the clinic itself)
	 */
	public Stats stats(Actor actor) {
		requireAdministrator(actor, "STATS");
		Map<String, Long> byTopic = new TreeMap<>();
		Map<Via, Long> byVia = new EnumMap<>(Via.class);
		Map<Status, Long> byStatus = new EnumMap<>(Status.class);
		for (Via via : Via.values()) {
			byVia.put(via, 0L);
		}
		for (Status status : Status.values()) {
			byStatus.put(status, 0L);
		}
		long total = 0;
		long read = 0;
		for (InAppRows.Group g : rows.groups()) {
			byTopic.merge(g.topic(), g.count(), Long::sum);
			byVia.merge(g.via(), g.count(), Long::sum);
			byStatus.merge(g.status(), g.count(), Long::sum);
			total += g.count();
			read += g.read();
		}
		double rate = total == 0 ? 0 : Math.round(read * 10_000.0 / total) / 10_000.0;
		return new Stats(total, total - read, byTopic, byVia, byStatus, rate);
	}

	/** Stores a notice, then carries it over its channel and records how that went. */
	private InAppNotification deliver(Account person, Draft draft) {
		Status initial = switch (draft.via()) {
			case IN_APP, PUSH -> Status.DELIVERED;
			case EMAIL, SMS -> Status.PENDING;
		};
		UUID id = Objects.requireNonNull(notices.store(person.id(), new InAppRows.Draft(Type.NOTICE, draft.topic(),
				draft.via(), initial, draft.title().strip(), draft.message().strip(), null, Severity.INFO,
				draft.metadata(), draft.scheduledAt(), null)));
		if (initial == Status.PENDING) {
			Channel channel = draft.via() == Via.EMAIL ? Channel.EMAIL : Channel.SMS;
			String address = channel == Channel.EMAIL ? person.email() : person.phone();
			if (address == null || address.isBlank()) {
				rows.delivered(id, Status.FAILED, null, null, now());
			}
			else {
				DeliveryReceipt receipt = messenger.send(new Message(channel, address, draft.title().strip(),
						draft.message().strip(), MessageKind.GENERAL, null, null, false).named(person.fullName()));
				boolean sent = receipt.status() == DeliveryStatus.SENT;
				rows.delivered(id, sent ? Status.SENT : Status.FAILED, receipt.deliveryId(), sent ? now() : null,
						now());
			}
		}
		return rows.find(id).orElseThrow(() -> Refusal.notFound("Notification"));
	}

	/** A draft's rules, the same for every writer. */
	private static void check(Draft draft) {
		if (draft.topic() == null || !InAppNotification.TOPIC.matcher(draft.topic()).matches()) {
			throw Refusal.invalidField("topic", "A topic is lower-case words joined by underscores, at most "
					+ InAppNotification.TOPIC_MAX + " characters");
		}
		if (draft.title() == null || draft.title().isBlank()) {
			throw Refusal.invalidField("title", "A title is required");
		}
		if (draft.title().strip().length() > InAppNotification.TITLE_MAX) {
			throw Refusal.invalidField("title", "At most " + InAppNotification.TITLE_MAX + " characters");
		}
		if (draft.message() == null || draft.message().isBlank()) {
			throw Refusal.invalidField("message", "A message is required");
		}
		if (draft.message().strip().length() > InAppNotification.MESSAGE_MAX) {
			throw Refusal.invalidField("message", "At most " + InAppNotification.MESSAGE_MAX + " characters");
		}
		if (tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(draft.metadata())
			.length() > METADATA_MAX) {
			throw Refusal.invalidField("metadata", "At most " + METADATA_MAX + " characters as JSON");
		}
	}

	private InAppNotification own(java.util.Optional<InAppNotification> candidate, Object id, Actor actor,
			String action) {
		requirePerson(actor, action);
		InAppNotification found = candidate.orElseThrow(() -> Refusal.notFound("Notification"));
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

	private void requireAdministrator(Actor actor, String action) {
		if (!actor.isSystem() && !actor.is(Role.ADMIN)) {
			audit.recordDenied(AuditRecord.denied(actor, action, RESOURCE, null, null));
			throw Refusal.forbidden();
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
