package io.polyclinic.faces.sos;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.notify.NotificationPreferences;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The caller's notification preferences: {@code /api/v1/notifications/preferences}, in camelCase as the document shows
 * them. A PUT merges the choices it names into the caller's; the clinic's reminders, confirmations and payment notices
 * honour them.
 */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class SosNotificationController {

	private final NotificationPreferences preferences;

	SosNotificationController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	record Choices(@JsonProperty("email") boolean email, @JsonProperty("sms") boolean sms,
			@JsonProperty("push") boolean push, @JsonProperty("appointmentReminders") boolean appointmentReminders,
			@JsonProperty("appointmentConfirmations") boolean appointmentConfirmations,
			@JsonProperty("paymentNotifications") boolean paymentNotifications,
			@JsonProperty("reminderTime") int reminderTime) {
	}

	record Current(@JsonProperty("userId") UUID userId, Choices preferences) {
	}

	record Updated(@JsonProperty("userId") UUID userId, Choices preferences, @JsonProperty("updatedAt") Instant updatedAt) {
	}

	record ChoiceChanges(@JsonProperty("email") @Nullable Boolean email, @JsonProperty("sms") @Nullable Boolean sms,
			@JsonProperty("push") @Nullable Boolean push,
			@JsonProperty("appointmentReminders") @Nullable Boolean appointmentReminders,
			@JsonProperty("appointmentConfirmations") @Nullable Boolean appointmentConfirmations,
			@JsonProperty("paymentNotifications") @Nullable Boolean paymentNotifications,
			@JsonProperty("reminderTime") @Nullable Integer reminderTime) {
	}

	record Change(@NotNull(message = "preferences is required") @Nullable ChoiceChanges preferences) {
	}

	@GetMapping
	Current get(@AuthenticationPrincipal Actor actor) {
		return new Current(actor.publicId(), choices(preferences.mine(actor)));
	}

	@PutMapping
	Updated change(@Valid @RequestBody Change request, @AuthenticationPrincipal Actor actor) {
		ChoiceChanges c = request.preferences();
		if (c == null) {
			throw Refusal.invalidField("preferences", "preferences is required");
		}
		var changed = preferences.change(new NotificationPreferences.Changes(c.email(), c.sms(), c.push(),
				c.appointmentReminders(), c.appointmentConfirmations(), c.paymentNotifications(), c.reminderTime()),
				actor);
		return new Updated(actor.publicId(), choices(changed), changed.updatedAt());
	}

	private static Choices choices(NotificationPreferences.Preferences p) {
		return new Choices(p.email(), p.sms(), p.push(), p.appointmentReminders(), p.appointmentConfirmations(),
				p.paymentNotifications(), p.reminderMinutes());
	}
}
