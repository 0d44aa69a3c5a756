package io.polyclinic.faces.diabcare;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.faces.Ids;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.PageSize;
import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.notify.PushDevices;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * In-app notifications (contract section 4) and the original's other notification paths the app calls: the list
 * with its unread count, the app's own history list, the unread count, marking one or all read, and the push devices
 * the app registers when it signs in and removes when it signs out. Each caller sees and marks only their own.
 */
@RestController
@RequestMapping("/api/notifications")
class DiabcareNotificationController {

	private static final String TYPES = "patient_alert|new_request|appointment|message";

	private final InAppNotifications notifications;
	private final PushDevices devices;
	private final DiabcareNotificationJson json;

	DiabcareNotificationController(InAppNotifications notifications, PushDevices devices,
			DiabcareNotificationJson json) {
		this.notifications = notifications;
		this.devices = devices;
		this.json = json;
	}

	record Inbox(List<DiabcareNotificationJson.Notification> notifications, long unreadCount) {
	}

	record Read(boolean success, @JsonProperty("_id") String id, @JsonProperty("isRead") boolean isRead) {
	}

	record Count(long count) {
	}

	record Success(boolean success) {
	}

	/** An FCM token of the caller's device, named by the caller's own id and the kind of user their app signed in as. */
	record Device(@NotBlank(message = "fcmToken should not be empty") @Size(max = PushDevices.TOKEN_MAX, message = "fcmToken must be shorter than or equal to 512 characters") String fcmToken,
			@NotNull(message = "userType must be one of the following values: patient, doctor, pharmacy") @Pattern(regexp = "patient|doctor|pharmacy", message = "userType must be one of the following values: patient, doctor, pharmacy") String userType,
			@NotBlank(message = "userId should not be empty") String userId) {
	}

	@GetMapping
	Inbox list(@RequestParam(required = false) @Nullable String unreadOnly,
			@RequestParam(required = false) @Nullable String type,
			@PageSize(defaultSize = InAppNotifications.DEFAULT_LIMIT) PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var inbox = notifications.mine(new InAppNotifications.Query("true".equals(unreadOnly), type(type), page.size(),
				page.offset()), actor);
		return new Inbox(inbox.notifications().stream().map(json::notification).toList(), inbox.unreadCount());
	}

	/** The app's history list: a bare array, newest first. */
	@GetMapping("/my-notifications")
	List<DiabcareNotificationJson.Notification> history(
			@PageSize(defaultSize = InAppNotifications.DEFAULT_LIMIT) PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		return notifications.mine(new InAppNotifications.Query(false, null, page.size(), page.offset()), actor)
			.notifications().stream().map(json::notification).toList();
	}

	@GetMapping("/unread-count")
	Count unread(@AuthenticationPrincipal Actor actor) {
		return new Count(notifications.unreadCount(actor));
	}

	@PatchMapping("/read-all")
	Success readAll(@AuthenticationPrincipal Actor actor) {
		notifications.markAllRead(actor);
		return new Success(true);
	}

	@PatchMapping("/{id}/read")
	Read read(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		InAppNotification read = notifications.markRead(uuid("id", id), actor);
		return new Read(true, read.id().toString(), read.read());
	}

	@PostMapping("/register-token")
	@ResponseStatus(HttpStatus.CREATED)
	Success register(@Valid @RequestBody Device body, @AuthenticationPrincipal Actor actor) {
		devices.register(uuid("userId", body.userId()), role(body.userType()), body.fcmToken(), actor);
		return new Success(true);
	}

	@DeleteMapping("/remove-token")
	Success remove(@Valid @RequestBody Device body, @AuthenticationPrincipal Actor actor) {
		devices.remove(uuid("userId", body.userId()), role(body.userType()), body.fcmToken(), actor);
		return new Success(true);
	}

	private static InAppNotification.@Nullable Type type(@Nullable String type) {
		if (type == null || type.isEmpty()) {
			return null;
		}
		if (!type.matches(TYPES)) {
			throw Refusal.invalidField("type",
					"type must be one of the following values: patient_alert, new_request, appointment, message");
		}
		return InAppNotification.Type.valueOf(type.toUpperCase(Locale.ROOT));
	}

	private static Role role(String userType) {
		return switch (userType) {
			case "doctor" -> Role.CLINICIAN;
			case "pharmacy" -> Role.PHARMACIST;
			default -> Role.PATIENT;
		};
	}

	private static UUID uuid(String field, String value) {
		return java.util.Objects.requireNonNull(Ids.uuid(field, value).publicId());
	}
}
