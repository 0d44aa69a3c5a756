package io.polyclinic.faces.mibo;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A clinician's weekly hours: {@code /api/clinicians/{id}/availability}, on the clinician's clock. Kept apart from the
 * clinician profile endpoints because the hours belong to scheduling.
 */
@RestController
@RequestMapping("/api/clinicians/{id}/availability")
class ClinicianAvailabilityController {

	private final Availability availability;

	ClinicianAvailabilityController(Availability availability) {
		this.availability = availability;
	}

	/** {@code isAvailable} defaults to true; false blocks the window (a break inside longer hours). */
	record RuleInput(@NotBlank(message = "Day of week is required") String dayOfWeek,
			@NotBlank(message = "Start time is required") String startTime,
			@NotBlank(message = "End time is required") String endTime,
			@JsonProperty("isAvailable") @Nullable Boolean isAvailable) {
	}

	record WeeklyHours(@NotNull(message = "Availability rules are required")
			@Size(max = 100, message = "At most 100 availability rules")
			List<@NotNull(message = "A rule cannot be null") @Valid RuleInput> availabilityRules) {
	}

	record RuleView(DayOfWeek dayOfWeek, String startTime, String endTime,
			@JsonProperty("isAvailable") boolean isAvailable) {

		static RuleView of(AvailabilityRule r) {
			return new RuleView(r.dayOfWeek(), MiboAppointments.time(r.startTime()), MiboAppointments.time(r.endTime()),
					r.available());
		}
	}

	/** Replaces the clinician's hours as a whole; the contract shows no answer, so this is the hours as now kept. */
	@PutMapping
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER')")
	Reply<List<RuleView>> replace(@PathVariable long id, @Valid @RequestBody WeeklyHours request,
			@AuthenticationPrincipal Actor actor) {
		List<AvailabilityRule> rules = new ArrayList<>();
		for (int i = 0; i < request.availabilityRules().size(); i++) {
			RuleInput rule = request.availabilityRules().get(i);
			String field = "availabilityRules[" + i + "].";
			rules.add(new AvailabilityRule(day(field + "dayOfWeek", rule.dayOfWeek()),
					MiboAppointments.parseTime(field + "startTime", rule.startTime()),
					MiboAppointments.parseTime(field + "endTime", rule.endTime()),
					rule.isAvailable() == null || rule.isAvailable(), null));
		}
		var kept = availability.replaceRules(id, rules, actor).stream().map(RuleView::of).toList();
		return Reply.of("Availability updated successfully", kept);
	}

	@PublicEndpoint
	@GetMapping
	Reply<List<RuleView>> get(@PathVariable long id) {
		return Reply.of(availability.weeklyHours(id).stream().map(RuleView::of).toList());
	}

	private static DayOfWeek day(String field, String value) {
		try {
			return DayOfWeek.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField(field, "Day of week must be MONDAY, TUESDAY, ... or SUNDAY");
		}
	}
}
