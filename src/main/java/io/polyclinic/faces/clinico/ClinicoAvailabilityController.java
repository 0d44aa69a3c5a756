package io.polyclinic.faces.clinico;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.LocalFormats;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.SlotBatch;
import io.polyclinic.scheduling.SlotBatches;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The signed-in doctor opens a batch of slots ({@code POST /api/availability/batch}). */
@RestController
@RequestMapping("/api/availability")
class ClinicoAvailabilityController {

	private final SlotBatches batches;

	ClinicoAvailabilityController(SlotBatches batches) {
		this.batches = batches;
	}

	record Batch(@NotEmpty(message = "must name at least one day") @Nullable List<String> daysOfWeek,
			@NotBlank(message = "is required") @Nullable String startTime,
			@NotBlank(message = "is required") @Nullable String endTime,
			@NotNull(message = "is required") @Nullable Integer slotDurationMinutes) {
	}

	record Generated(String message, int slotsCreated) {
	}

	@PostMapping("/batch")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('CLINICIAN')")
	Generated batch(@Valid @RequestBody Batch request, @AuthenticationPrincipal Actor actor) {
		int created = batches.open(new SlotBatch(days(request.daysOfWeek()),
				LocalFormats.time("startTime", request.startTime()), LocalFormats.time("endTime", request.endTime()),
				request.slotDurationMinutes()), actor);
		return new Generated("Slots generated successfully", created);
	}

	/** Day names as the document writes them (Monday, Tuesday…), in any case. */
	private static Set<DayOfWeek> days(@Nullable List<String> names) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String name : names == null ? List.<String>of() : names) {
			try {
				days.add(DayOfWeek.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				throw Refusal.invalidField("daysOfWeek", "Unknown day of the week: " + name);
			}
		}
		return days;
	}
}
