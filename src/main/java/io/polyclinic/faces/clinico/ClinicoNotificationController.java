package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.OffsetLimit;
import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.notify.InAppNotifications.Filter;
import io.polyclinic.notify.InAppNotifications.Order;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * The caller's in-app notifications (clinico.md's list, a bare array newest first), and the original server's read,
 * read-all and delete. The same notifications the other faces list; another person's is not found.
 */
@RestController
@RequestMapping("/api/notifications")
class ClinicoNotificationController {

	/** clinico's notification types, each the kind of notification the clinic keeps. */
	static final Map<String, Type> TYPES = Map.of("Appointment", Type.APPOINTMENT, "Message", Type.MESSAGE, "Alert",
			Type.PATIENT_ALERT, "Request", Type.NEW_REQUEST, "System", Type.NOTICE, "Reminder", Type.NOTICE);
	/** The clinic's notices that clinico calls reminders: a dose of medicine due. */
	private static final String MEDICINE_REMINDER = "medicine_reminder";
	private static final int DEFAULT_LIMIT = 50;

	private final InAppNotifications notifications;

	ClinicoNotificationController(InAppNotifications notifications) {
		this.notifications = notifications;
	}

	record Notification(UUID notificationId, String title, String message, String notificationType, boolean isRead,
			@Nullable Instant sentAt, Instant createdAt) {

		static Notification of(InAppNotification n) {
			return new Notification(n.id(), n.title(), n.message(), typeOf(n.type(), n.topic()), n.read(),
					n.sentAt() != null ? n.sentAt() : n.createdAt(), n.createdAt());
		}
	}

	record Done(boolean success, String message) {
	}

	@GetMapping
	List<Notification> list(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
			@RequestParam(defaultValue = "0") long offset, @RequestParam(name = "is_read", required = false) @Nullable Boolean read,
			@RequestParam(name = "notification_type", required = false) @Nullable String type,
			@AuthenticationPrincipal Actor actor) {
		if (limit < 1 || limit > InAppNotifications.MAX_LIMIT) {
			throw Refusal.invalidField("limit", "must be between 1 and " + InAppNotifications.MAX_LIMIT);
		}
		if (offset < 0) {
			throw Refusal.invalidField("offset", "cannot be negative");
		}
		Type kind = type == null ? null : type(type);
		// a reminder is a notice of its own topic; "System" is every other notice, reminders included
		String topic = "Reminder".equalsIgnoreCase(type == null ? "" : type.trim()) ? MEDICINE_REMINDER : null;
		var filter = new Filter(topic, null, null, read, null, Order.CREATED, true, kind);
		return notifications.list(filter, new OffsetLimit(offset, limit), actor)
			.getContent()
			.stream()
			.map(Notification::of)
			.toList();
	}

	@PutMapping("/{id}/read")
	Done read(@PathVariable UUID id, @AuthenticationPrincipal Actor actor) {
		notifications.markRead(id, actor);
		return new Done(true, "Notification marked as read");
	}

	@PutMapping("/read-all")
	Done readAll(@AuthenticationPrincipal Actor actor) {
		notifications.markAllRead(actor);
		return new Done(true, "All notifications marked as read");
	}

	@DeleteMapping("/{id}")
	Done delete(@PathVariable UUID id, @AuthenticationPrincipal Actor actor) {
		notifications.delete(notifications.get(id, actor).number(), actor);
		return new Done(true, "Notification deleted successfully");
	}

	static String typeOf(Type type, String topic) {
		return switch (type) {
			case APPOINTMENT -> "Appointment";
			case MESSAGE -> "Message";
			case PATIENT_ALERT -> "Alert";
			case NEW_REQUEST -> "Request";
			case NOTICE -> MEDICINE_REMINDER.equals(topic) ? "Reminder" : "System";
		};
	}

	private static Type type(String name) {
		return TYPES.entrySet()
			.stream()
			.filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT)))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> Refusal.invalidField("notificationType",
					"must be one of " + String.join(", ", TYPES.keySet().stream().sorted().toList())));
	}
}
