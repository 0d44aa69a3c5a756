package io.polyclinic.faces.sos;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.ClinicianSearch;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;

/**
 * Doctors' availabilities: {@code /api/v1/availabilities}. The clinic keeps weekly hours; sos shows them expanded
 * day by day over {@code [startDate, endDate]} (a week from today on the doctor's clock unless asked, at most
 * {@value Availability#MAXIMUM_RANGE_DAYS} days), one entry per working window, times on the doctor's clock.
 */
@RestController
@RequestMapping("/api/v1/availabilities")
class SosAvailabilityController {

	/** The most doctors one answer expands, when no doctor is named: the most recently added. */
	private static final int DOCTORS = 100;
	private static final Set<String> TYPES = Set.of("home", "online", "chat", "video");

	private final ClinicianRegistry clinicians;
	private final Availability availability;

	SosAvailabilityController(ClinicianRegistry clinicians, Availability availability) {
		this.clinicians = clinicians;
		this.availability = availability;
	}

	record Availabilities(List<Entry> availabilities) {
	}

	@com.fasterxml.jackson.annotation.JsonPropertyOrder({ "id", "user_id", "start_date", "end_date", "start_time",
			"end_time", "is_recurring", "recurrence", "recurrence_end_date", "consultation_types", "created_at",
			"updated_at" })
	record Entry(UUID id, UUID userId, String startDate, String endDate, String startTime, String endTime,
			@com.fasterxml.jackson.annotation.JsonProperty("is_recurring") boolean isRecurring,
			@Nullable String recurrence, @Nullable Instant recurrenceEndDate, List<String> consultationTypes,
			Instant createdAt, Instant updatedAt) {
	}

	@GetMapping
	Availabilities list(@RequestParam(required = false) @Nullable String doctorId,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate,
			@RequestParam(required = false) @Nullable String consultationType,
			@AuthenticationPrincipal Actor actor) {
		String type = consultationType == null || consultationType.isBlank() ? null
				: consultationType.trim().toLowerCase(Locale.ROOT);
		if (type != null && !TYPES.contains(type)) {
			throw Refusal.invalidField("consultationType", "Must be one of home, online, chat, video");
		}
		LocalDate from = LocalFormats.optionalDate("startDate", startDate);
		LocalDate to = LocalFormats.optionalDate("endDate", endDate);
		if (from != null && to != null && to.isBefore(from)) {
			throw Refusal.invalidField("endDate", "endDate must not be before startDate");
		}
		List<Clinician> doctors;
		if (doctorId != null && !doctorId.isBlank()) {
			doctors = List.of(clinicians.shownTo(Ids.uuid("doctorId", doctorId).publicId(), actor));
		}
		else {
			doctors = clinicians.search(new ClinicianSearch(null, null, null, null, true,
					ClinicianSearch.Order.CREATED_AT, true), PageRequest.of(0, DOCTORS), actor).getContent();
		}
		var hours = availability.weeklyHoursOf(doctors.stream().map(Clinician::id).toList());
		List<Entry> entries = new ArrayList<>();
		for (Clinician doctor : doctors) {
			List<String> types = types(doctor);
			if (type != null && !types.contains(type)) {
				continue;
			}
			LocalDate first = from != null ? from : LocalDate.now(doctor.timeZone());
			LocalDate last = to != null ? to : first.plusDays(6);
			if (last.isBefore(first)) {
				throw Refusal.invalidField("endDate", "endDate must not be before startDate");
			}
			if (ChronoUnit.DAYS.between(first, last) >= Availability.MAXIMUM_RANGE_DAYS) {
				throw Refusal.invalidField("endDate",
						"At most " + Availability.MAXIMUM_RANGE_DAYS + " days can be asked at once");
			}
			List<AvailabilityRule> rules = hours.getOrDefault(doctor.id(), List.of());
			for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
				for (AvailabilityRule rule : rules) {
					if (rule.available() && rule.dayOfWeek() == day.getDayOfWeek()) {
						entries.add(new Entry(id(doctor, day, rule), doctor.accountId(), LocalFormats.date(day),
								LocalFormats.date(day), LocalFormats.time(rule.startTime()),
								LocalFormats.time(rule.endTime()), true, "weekly", null, types, doctor.createdAt(),
								doctor.updatedAt()));
					}
				}
			}
		}
		return new Availabilities(entries);
	}

	/** How the doctor consults, in sos's words: in person means at home visits, online by video, chat or call. */
	private static List<String> types(Clinician doctor) {
		List<String> modes = doctor.practice().consultationModes();
		if (modes == null || modes.isEmpty()) {
			return List.of("home", "online", "chat", "video");
		}
		List<String> types = new ArrayList<>();
		if (modes.contains(ClinicianPractice.IN_PERSON)) {
			types.add("home");
		}
		if (modes.contains(ClinicianPractice.ONLINE)) {
			types.addAll(List.of("online", "chat", "video"));
		}
		return types;
	}

	/** A stable id for one window on one day: the same entry has the same id in every answer. */
	private static UUID id(Clinician doctor, LocalDate day, AvailabilityRule rule) {
		return UUID.nameUUIDFromBytes((doctor.accountId() + "/" + day + "/" + rule.startTime() + "/" + rule.endTime())
			.getBytes(StandardCharsets.UTF_8));
	}
}
