package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.DoseLog;
import io.polyclinic.clinical.DoseStatus;
import io.polyclinic.clinical.MedicineReminder;
import io.polyclinic.clinical.MedicineReminders;
import io.polyclinic.clinical.NewDoseLog;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * The caller's medicine reminders (a house addition) and clinico.md's dose log ("Taken", "Missed", "Snoozed"), by the
 * reminder's patient only: someone else's reminder is not found.
 */
@RestController
@RequestMapping("/api/reminders")
class ClinicoReminderController {

	/** clinico's spellings of a dose's status. */
	static final Map<String, DoseStatus> STATUSES = Map.of("Taken", DoseStatus.TAKEN, "Missed", DoseStatus.MISSED,
			"Snoozed", DoseStatus.SNOOZED);

	private final MedicineReminders reminders;

	ClinicoReminderController(MedicineReminders reminders) {
		this.reminders = reminders;
	}

	record Reminder(UUID reminderId, UUID prescriptionIdUuid, String medicationName, String dosage, String frequency,
			String duration, List<String> reminderTimes, String timeZone, @Nullable Instant nextReminderTime,
			LocalDate startDate, LocalDate endDate, boolean isActive, @Nullable String lastStatus) {

		/** The course's first and last days on the doctor's calendar (it ends at the last day's midnight). */
		static Reminder of(MedicineReminder r) {
			return new Reminder(r.id(), r.prescriptionId(), r.medicationName(), r.dosage(), r.frequency(),
					r.duration(), r.reminderTimes().stream().map(LocalTime::toString).toList(), r.timeZone().getId(),
					r.nextDoseAt(), LocalDate.ofInstant(r.startsAt(), r.timeZone()),
					LocalDate.ofInstant(r.endsAt().minusNanos(1), r.timeZone()), r.active(),
					r.lastStatus() == null ? null : spelling(r.lastStatus()));
		}
	}

	record LogBody(@Nullable String status, @Nullable Instant takenTime, @Nullable String notes) {
	}

	record Logged(UUID logId, String status) {
	}

	@GetMapping
	List<Reminder> mine(@AuthenticationPrincipal Actor actor) {
		return reminders.mine(actor).stream().map(Reminder::of).toList();
	}

	@PostMapping("/{id}/log")
	@ResponseStatus(HttpStatus.CREATED)
	Logged log(@PathVariable UUID id, @RequestBody LogBody body, @AuthenticationPrincipal Actor actor) {
		DoseStatus status = body.status() == null ? null : STATUSES.get(body.status());
		if (status == null) {
			throw Refusal.invalidField("status", "must be one of: Taken, Missed, Snoozed");
		}
		DoseLog logged = reminders.log(id, new NewDoseLog(status, body.takenTime(), body.notes()), actor);
		return new Logged(logged.id(), spelling(logged.status()));
	}

	static String spelling(DoseStatus status) {
		return switch (status) {
			case TAKEN -> "Taken";
			case MISSED -> "Missed";
			case SNOOZED -> "Snoozed";
		};
	}
}
