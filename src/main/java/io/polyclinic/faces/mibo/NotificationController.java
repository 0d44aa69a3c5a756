package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.notify.AppointmentMessages;
import io.polyclinic.notify.DeliveryQuery;
import io.polyclinic.notify.DeliveryReceipt;
import io.polyclinic.notify.DeliveryRecord;
import io.polyclinic.notify.DeliveryStatus;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.NotificationHistory;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * WhatsApp notifications about appointments: {@code /api/notifications}. History dates are whole UTC days, the end
 * date included; the history answers at most 100 notifications. The notify module decides who may send and read
 * what; the roles here are Mibo's table.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final AppointmentMessages messages;
	private final NotificationHistory history;

	NotificationController(AppointmentMessages messages, NotificationHistory history) {
		this.messages = messages;
		this.history = history;
	}

	record AppointmentRef(@NotNull(message = "Appointment id is required") Long appointmentId) {
	}

	record Notification(long id, @Nullable Long patientId, @Nullable Long appointmentId, String notificationType,
			String status, @Nullable Instant sentAt) {

		static Notification of(DeliveryRecord d) {
			return new Notification(d.id(), d.patientId(), d.appointmentId(), d.kind().name(), d.status().name(),
					d.sentAt() == null ? null : MiboFormats.instant(d.sentAt()));
		}
	}

	/** One notification in full: the summary fields, and how and to whom it went. */
	record NotificationDetail(long id, @Nullable Long patientId, @Nullable Long appointmentId, String notificationType,
			String status, @Nullable Instant sentAt, String channel, String recipient, String message,
			@Nullable String failureReason, Instant createdAt) {
	}

	record Stats(long totalSent, long totalFailed, double successRate, Map<String, Long> byType) {
	}

	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK')")
	@PostMapping("/appointment-confirmation")
	Reply<Void> confirmation(@Valid @RequestBody AppointmentRef request, @AuthenticationPrincipal Actor actor) {
		delivered(messages.sendConfirmation(Ref.id(request.appointmentId()), actor));
		return Reply.message("Appointment confirmation sent successfully");
	}

	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	@PostMapping("/appointment-reminder")
	Reply<Void> reminder(@Valid @RequestBody AppointmentRef request, @AuthenticationPrincipal Actor actor) {
		delivered(messages.sendReminder(Ref.id(request.appointmentId()), actor));
		return Reply.message("Appointment reminder sent successfully");
	}

	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	@GetMapping("/history")
	Reply<List<Notification>> history(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable Long patientId,
			@RequestParam(required = false) @Nullable Long appointmentId,
			@RequestParam(required = false) @Nullable String notificationType,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate,
			@RequestParam(required = false) @Nullable Integer limit) {
		var query = new DeliveryQuery(patientId, appointmentId, kind(notificationType), status(status), null,
				startOf(MiboFormats.date("startDate", startDate)), endOf(MiboFormats.date("endDate", endDate)), limit);
		return Reply.of(history.list(query, actor).stream().map(Notification::of)
			.toList());
	}

	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	@GetMapping("/stats")
	Reply<Stats> stats(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate) {
		var stats = history.stats(startOf(MiboFormats.date("startDate", startDate)),
				endOf(MiboFormats.date("endDate", endDate)), actor);
		Map<String, Long> byType = new LinkedHashMap<>();
		stats.byKind().forEach((kind, count) -> byType.put(kind.name(), count));
		return Reply.of(new Stats(stats.totalSent(), stats.totalFailed(), stats.successRate(), byType));
	}

	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER')")
	@GetMapping("/{id}")
	Reply<NotificationDetail> one(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
		DeliveryRecord d = history.get(Ref.id(id), actor);
		return Reply.of(new NotificationDetail(d.id(), d.patientId(), d.appointmentId(), d.kind().name(),
				d.status().name(), d.sentAt() == null ? null : MiboFormats.instant(d.sentAt()), d.channel().name(),
				d.recipient(), d.body(), d.failureReason(), MiboFormats.instant(d.createdAt())));
	}

	private static void delivered(DeliveryReceipt receipt) {
		if (!receipt.sent()) {
			throw Refusal.unavailable("NOTIFICATION_FAILED",
					"The message could not be delivered through " + receipt.provider());
		}
	}

	private static @Nullable MessageKind kind(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return MessageKind.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField("notificationType",
					"Must be APPOINTMENT_CONFIRMATION, APPOINTMENT_REMINDER or PAYMENT_LINK");
		}
	}

	private static @Nullable DeliveryStatus status(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return DeliveryStatus.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField("status", "Must be SENT, FAILED or PENDING");
		}
	}

	private static @Nullable Instant startOf(@Nullable LocalDate date) {
		return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static @Nullable Instant endOf(@Nullable LocalDate date) {
		return date == null ? null : date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}
