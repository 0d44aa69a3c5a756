package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.polyclinic.notify.DeliveryRecord;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.PatientInbox;
import io.polyclinic.platform.Actor;

/**
 * The patient website's inbox, {@code /api/patient/notifications} (the original backend's paths, not in mibo.md): the
 * messages the clinic sent the calling patient, read and unread, in the website's snake_case names. The notify module
 * decides whose they are.
 */
@RestController
@RequestMapping("/api/patient/notifications")
@PreAuthorize("hasRole('PATIENT')")
class PatientNotificationsController {

	private static final int DEFAULT_LIMIT = 20;

	/** The website's names for the kinds it knows; any other kind keeps its own name. */
	private static final Map<MessageKind, String> TYPES = Map.of(MessageKind.APPOINTMENT_CANCELLATION,
			"APPOINTMENT_CANCELLED", MessageKind.PAYMENT_REFUND, "REFUND_INITIATED");

	private final PatientInbox inbox;

	PatientNotificationsController(PatientInbox inbox) {
		this.inbox = inbox;
	}

	@JsonPropertyOrder({ "id", "patient_id", "notification_type", "title", "message", "appointment_id",
			"blocked_slot_id", "metadata", "is_read", "read_at", "created_at", "updated_at" })
	record Notification(long id, @JsonProperty("patient_id") long patientId,
			@JsonProperty("notification_type") String notificationType, String title, String message,
			@JsonProperty("appointment_id") @Nullable Long appointmentId,
			@JsonProperty("blocked_slot_id") @Nullable Long blockedSlotId, @Nullable Map<String, Object> metadata,
			@JsonProperty("is_read") boolean isRead, @JsonProperty("read_at") @Nullable Instant readAt,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

		static Notification of(PatientInbox.Notice notice) {
			DeliveryRecord d = notice.delivery();
			Instant created = MiboFormats.instant(d.createdAt());
			Instant read = notice.readAt() == null ? null : MiboFormats.instant(notice.readAt());
			return new Notification(d.id(), d.patientId() == null ? 0 : d.patientId(),
					TYPES.getOrDefault(d.kind(), d.kind().name()), d.subject() == null ? title(d.kind()) : d.subject(),
					d.body(), d.appointmentId(), null, null, notice.read(), read, created, read == null ? created : read);
		}

		private static String title(MessageKind kind) {
			String words = kind.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
			return Character.toUpperCase(words.charAt(0)) + words.substring(1);
		}
	}

	@JsonPropertyOrder({ "notifications", "total", "unread_count" })
	record Inbox(List<Notification> notifications, long total, @JsonProperty("unread_count") long unreadCount) {
	}

	record UnreadCount(@JsonProperty("unread_count") long unreadCount) {
	}

	/** Newest first; {@code limit} (20 unless asked, at most 100) and {@code offset} as the website pages. */
	@GetMapping
	Reply<Inbox> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable Long offset,
			@RequestParam(name = "unread_only", required = false) @Nullable Boolean unreadOnly,
			@AuthenticationPrincipal Actor actor) {
		var page = inbox.notices(Boolean.TRUE.equals(unreadOnly), limit == null ? DEFAULT_LIMIT : limit,
				offset == null ? 0 : offset, actor);
		return Reply.of(new Inbox(page.notices().stream().map(Notification::of).toList(), page.total(),
				page.unread()));
	}

	@GetMapping("/unread-count")
	Reply<UnreadCount> unreadCount(@AuthenticationPrincipal Actor actor) {
		return Reply.of(new UnreadCount(inbox.unread(actor)));
	}

	@PutMapping("/{notificationId}/read")
	Reply<Void> markRead(@PathVariable long notificationId, @AuthenticationPrincipal Actor actor) {
		inbox.markRead(notificationId, actor);
		return Reply.message("Notification marked as read");
	}
}
