package io.polyclinic.faces.hcp;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotification.Status;
import io.polyclinic.notify.InAppNotification.Via;
import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.notify.InAppNotifications.Order;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * In-app notifications (hcp.md's notification endpoints and the original's fields): one's own listed, written, read,
 * changed and deleted; the unread ones as the app's bell reads them; marking read; and the administrators' send,
 * bulk send and counts. Who may do what is the notify module's to decide: another person's notification is not
 * found, an administrator's function refused to anyone else.
 */
@RestController
@RequestMapping("/api/notifications")
class HcpNotificationController {

	private static final String REQUIRED = "This field is required.";
	/** The original's notification types: what may be written; any topic the clinic told of is listed. */
	static final List<String> TYPES = List.of("appointment_reminder", "appointment_confirmation",
			"appointment_cancelled", "prescription_ready", "payment_success", "payment_failed", "doctor_message",
			"system_update");
	private static final Map<String, Order> ORDERS = Map.of("created_at", Order.CREATED, "scheduled_at",
			Order.SCHEDULED);
	/** How many unread ones the bell shows, as the original. */
	private static final int BELL = 10;

	private final InAppNotifications notifications;

	HcpNotificationController(InAppNotifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * The original's {@code NotificationSerializer}, with {@code is_read} beside {@code read_at}, and {@code type}
	 * beside {@code notification_type} as the original app's bell reads it.
	 */
	record Notification(long id, long user, String notificationType, String type, String channel, String status,
			boolean isRead, String title, String message, String externalId, Map<String, Object> metadata,
			@Nullable Instant scheduledAt, @Nullable Instant sentAt, @Nullable Instant readAt, Instant createdAt,
			Instant updatedAt) {
	}

	/** A notification one writes: for oneself, or (an administrator) for the {@code user} named. */
	record Written(@Nullable Long user, @NotBlank(message = REQUIRED) String notificationType,
			@Nullable String channel,
			@NotBlank(message = REQUIRED) @Size(max = InAppNotification.TITLE_MAX, message = "Ensure this field has no more than 255 characters.") String title,
			@NotBlank(message = REQUIRED) @Size(max = InAppNotification.MESSAGE_MAX, message = "Ensure this field has no more than 4000 characters.") String message,
			@Nullable Map<String, Object> metadata, @Nullable String scheduledAt) {
	}

	/** A change: PUT names every writable field, PATCH only those it changes. */
	record Changed(@Nullable String notificationType, @Nullable String channel, @Nullable String status,
			@Size(min = 1, max = InAppNotification.TITLE_MAX, message = "Ensure this field has no more than 255 characters.") @Nullable String title,
			@Size(min = 1, max = InAppNotification.MESSAGE_MAX, message = "Ensure this field has no more than 4000 characters.") @Nullable String message,
			@Nullable Map<String, Object> metadata, @Nullable String scheduledAt) {
	}

	record Send(@NotNull(message = REQUIRED) Long userId, @NotBlank(message = REQUIRED) String notificationType,
			@Nullable String channel,
			@NotBlank(message = REQUIRED) @Size(max = InAppNotification.TITLE_MAX, message = "Ensure this field has no more than 255 characters.") String title,
			@NotBlank(message = REQUIRED) @Size(max = InAppNotification.MESSAGE_MAX, message = "Ensure this field has no more than 4000 characters.") String message,
			@Nullable Map<String, Object> metadata) {
	}

	record SendBulk(@NotEmpty(message = REQUIRED) List<Long> userIds,
			@NotBlank(message = REQUIRED) String notificationType, @Nullable String channel,
			@NotBlank(message = REQUIRED) @Size(max = InAppNotification.TITLE_MAX, message = "Ensure this field has no more than 255 characters.") String title,
			@NotBlank(message = REQUIRED) @Size(max = InAppNotification.MESSAGE_MAX, message = "Ensure this field has no more than 4000 characters.") String message,
			@Nullable Map<String, Object> metadata) {
	}

	record Sent(long notificationId, Notification notification) {
	}

	record SentBulk(int notificationsSent, List<Long> notificationIds) {
	}

	record Updated(int updatedCount) {
	}

	record Stats(long totalNotifications, long unreadNotifications, long readNotifications, double readRate,
			Map<String, Long> byType, Map<String, Long> byChannel, Map<String, Long> byStatus) {
	}

	/** The caller's own, newest first; filters as the original's ({@code notification_type}, {@code channel}, {@code status}), and {@code is_read}. */
	@GetMapping
	HcpReply<DrfPage<Notification>> list(@RequestParam(name = "notification_type", required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "is_read", required = false) @Nullable String isRead,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String ordering, PageQuery query,
			@AuthenticationPrincipal Actor actor) {
		Ordering<Order> order = Ordering.parse("ordering", ordering, ORDERS, new Ordering<>(Order.CREATED, true));
		var filter = new InAppNotifications.Filter(topicFilter(type), channel == null ? null : via(channel),
				status == null ? null : status(status), bool("is_read", isRead), search, order.key(),
				order.descending());
		var page = notifications.list(filter, PageRequest.of(query.index(), query.size()), actor);
		return HcpReply.ok(DrfPage.of(page, query, "page", HcpNotificationController::json),
				"Notifications retrieved successfully");
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<Notification> create(@Valid @RequestBody Written body, @AuthenticationPrincipal Actor actor) {
		var draft = new InAppNotifications.Draft(type(body.notificationType(), null), via(body.channel()), body.title(),
				body.message(), metadata(body.metadata()), instant("scheduled_at", body.scheduledAt()));
		return HcpReply.ok(json(notifications.write(body.user(), draft, actor)), "Notification created successfully");
	}

	/** The newest unread ones and how many there are, enveloped and beside the envelope as the original's bell reads them. */
	@GetMapping("/unread")
	Map<String, Object> unread(@AuthenticationPrincipal Actor actor) {
		var page = notifications.list(new InAppNotifications.Filter(null, null, null, false, null, Order.CREATED, true),
				PageRequest.of(0, BELL), actor);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("unread_count", page.getTotalElements());
		data.put("notifications", page.getContent().stream().map(HcpNotificationController::json).toList());
		return HcpAuthController.merged(data, "Unread notifications retrieved successfully");
	}

	@PostMapping("/mark-all-read")
	HcpReply<Updated> markAllRead(@AuthenticationPrincipal Actor actor) {
		int updated = notifications.markAllRead(actor);
		return HcpReply.ok(new Updated(updated), updated + " notifications marked as read");
	}

	@PostMapping("/send")
	HcpReply<Sent> send(@Valid @RequestBody Send body, @AuthenticationPrincipal Actor actor) {
		var sent = notifications.send(body.userId(), draft(body.notificationType(), body.channel(), body.title(),
				body.message(), body.metadata()), actor);
		return HcpReply.ok(new Sent(sent.number(), json(sent)), "Notification sent successfully");
	}

	@PostMapping("/send-bulk")
	HcpReply<SentBulk> sendBulk(@Valid @RequestBody SendBulk body, @AuthenticationPrincipal Actor actor) {
		var sent = notifications.sendToMany(body.userIds(), draft(body.notificationType(), body.channel(),
				body.title(), body.message(), body.metadata()), actor);
		return HcpReply.ok(new SentBulk(sent.count(),
				sent.notifications().stream().map(InAppNotification::number).toList()),
				"Bulk notification sent successfully");
	}

	/** The clinic's counts: every type of the original's and any other topic there is, every channel and status. */
	@GetMapping("/stats")
	HcpReply<Stats> stats(@AuthenticationPrincipal Actor actor) {
		var stats = notifications.stats(actor);
		Map<String, Long> byType = new LinkedHashMap<>();
		TYPES.forEach(t -> byType.put(t, 0L));
		byType.putAll(stats.byTopic());
		Map<String, Long> byChannel = new LinkedHashMap<>();
		stats.byVia().forEach((via, n) -> byChannel.put(lower(via), n));
		Map<String, Long> byStatus = new LinkedHashMap<>();
		stats.byStatus().forEach((status, n) -> byStatus.put(lower(status), n));
		return HcpReply.ok(new Stats(stats.total(), stats.unread(), stats.total() - stats.unread(), stats.readRate(),
				byType, byChannel, byStatus), "Notification statistics retrieved successfully");
	}

	@GetMapping("/{id:\\d+}")
	HcpReply<Notification> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(json(notifications.get(id, actor)), "Notification retrieved successfully");
	}

	/** PUT: {@code notification_type}, {@code channel}, {@code title} and {@code message} are required, as DRF's update. */
	@PutMapping("/{id:\\d+}")
	HcpReply<Notification> replace(@PathVariable long id, @Valid @RequestBody Changed body,
			@AuthenticationPrincipal Actor actor) {
		Map<String, String> missing = new LinkedHashMap<>();
		if (body.notificationType() == null) {
			missing.put("notification_type", REQUIRED);
		}
		if (body.channel() == null) {
			missing.put("channel", REQUIRED);
		}
		if (body.title() == null) {
			missing.put("title", REQUIRED);
		}
		if (body.message() == null) {
			missing.put("message", REQUIRED);
		}
		if (!missing.isEmpty()) {
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.", missing);
		}
		return change(id, body, actor);
	}

	@PatchMapping("/{id:\\d+}")
	HcpReply<Notification> patch(@PathVariable long id, @Valid @RequestBody Changed body,
			@AuthenticationPrincipal Actor actor) {
		return change(id, body, actor);
	}

	@DeleteMapping("/{id:\\d+}")
	HcpReply<@Nullable Object> delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		notifications.delete(id, actor);
		return HcpReply.ok(null, "Notification deleted successfully");
	}

	@PostMapping("/{id:\\d+}/read")
	HcpReply<Notification> read(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(json(notifications.markRead(id, actor)), "Notification marked as read");
	}

	private HcpReply<Notification> change(long id, Changed body, Actor actor) {
		// a type the clinic gave it stays writable: a client may send the notification back as it read it
		String current = body.notificationType() == null ? null : notifications.get(id, actor).topic();
		var change = new InAppNotifications.Change(
				body.notificationType() == null ? null : type(body.notificationType(), current),
				body.channel() == null ? null : via(body.channel()),
				body.status() == null ? null : status(body.status()), body.title(), body.message(),
				body.metadata() == null ? null : metadata(body.metadata()), instant("scheduled_at", body.scheduledAt()));
		return HcpReply.ok(json(notifications.change(id, change, actor)), "Notification updated successfully");
	}

	static Notification json(InAppNotification n) {
		return new Notification(n.number(), n.userId(), n.topic(), n.topic(), lower(n.via()), lower(n.status()),
				n.read(), n.title(), n.message(), n.deliveryId() == null ? "" : String.valueOf(n.deliveryId()),
				n.metadata(), millis(n.scheduledAt()), millis(n.sentAt()), millis(n.readAt()),
				LocalFormats.instant(n.createdAt()), LocalFormats.instant(n.updatedAt()));
	}

	private static InAppNotifications.Draft draft(String type, @Nullable String channel, String title, String message,
			@Nullable Map<String, Object> metadata) {
		return new InAppNotifications.Draft(type(type, null), via(channel), title, message, metadata(metadata), null);
	}

	/** One of the original's types (or, in a change, the one the notification has). */
	private static String type(String value, @Nullable String current) {
		String type = value.trim();
		if (!TYPES.contains(type) && !type.equals(current)) {
			throw invalid("notification_type", "\"" + value + "\" is not a valid choice.");
		}
		return type;
	}

	private static @Nullable String topicFilter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!InAppNotification.TOPIC.matcher(value.trim()).matches()) {
			throw invalid("notification_type",
					"Select a valid choice. " + value + " is not one of the available choices.");
		}
		return value.trim();
	}

	/** The channel; in_app when none is named. */
	private static Via via(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Via.IN_APP;
		}
		return switch (value.trim()) {
			case "in_app" -> Via.IN_APP;
			case "email" -> Via.EMAIL;
			case "sms" -> Via.SMS;
			case "push" -> Via.PUSH;
			default -> throw invalid("channel", "\"" + value + "\" is not a valid choice.");
		};
	}

	private static Status status(String value) {
		for (Status status : Status.values()) {
			if (lower(status).equals(value.trim())) {
				return status;
			}
		}
		throw invalid("status", "\"" + value + "\" is not a valid choice.");
	}

	private static @Nullable Boolean bool(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes" -> true;
			case "false", "0", "no" -> false;
			default -> throw invalid(field, "Select a valid choice. " + value + " is not one of the available choices.");
		};
	}

	private static Map<String, Object> metadata(@Nullable Map<String, Object> metadata) {
		return metadata == null ? Map.of() : metadata;
	}

	private static @Nullable Instant instant(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return java.time.OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw invalid(field, "Datetime has wrong format. Use one of these formats instead: "
					+ "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
		}
	}

	private static @Nullable Instant millis(@Nullable Instant instant) {
		return instant == null ? null : LocalFormats.instant(instant);
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static Refusal invalid(String field, String problem) {
		return new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.", Map.of(field, problem));
	}
}
