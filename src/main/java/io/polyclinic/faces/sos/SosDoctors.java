package io.polyclinic.faces.sos;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Clinician;
import io.polyclinic.faces.Money;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AvailabilityRule;

/**
 * sos's doctor: a clinician shown by their account's id, with a {@code doctor_profile} whose
 * {@code working_hours} — {@code {"monday":[{"start":"09:00","end":"17:00"}], ...}} on the doctor's clock — are the
 * clinician's weekly hours, the same every face edits.
 */
final class SosDoctors {

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	private SosDoctors() {
	}

	record Doctor(UUID id, String name, @Nullable String email, @Nullable String phone, @Nullable String profilePicture,
			@com.fasterxml.jackson.annotation.JsonProperty("is_status") String isStatus, Instant createdAt,
			Instant updatedAt, Profile doctorProfile) {
	}

	/** The document's profile, with the fee (major units) and its currency (lower-case ISO 4217) beside it. */
	record Profile(@Nullable String specialisation, double rating, int ratingCount, @Nullable String address,
			@Nullable Map<String, List<Window>> workingHours, @Nullable String bio,
			@com.fasterxml.jackson.annotation.JsonProperty("is_listed") boolean isListed,
			@Nullable List<String> supportedLanguages, BigDecimal consultationFee, String currency) {
	}

	record Window(String start, String end) {
	}

	static Doctor doctor(Clinician c, List<AvailabilityRule> hours) {
		return new Doctor(c.accountId(), c.fullName(), c.email(), c.phone(), c.profilePictureUrl(),
				c.active() ? "active" : "blocked", c.createdAt(), c.updatedAt(),
				new Profile(SosPeople.specialisation(c), c.listing().rating(), c.listing().ratingCount(),
						c.listing().address(), workingHours(hours), c.bio(), c.listing().listed(), c.languages(),
						Money.major(c.feeMinor(), c.currency()), c.currency().toLowerCase(Locale.ROOT)));
	}

	/** The weekly hours as sos shows them: the days with open windows, in week order; null when there are none. */
	static @Nullable Map<String, List<Window>> workingHours(List<AvailabilityRule> hours) {
		Map<String, List<Window>> days = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<Window> windows = hours.stream().filter(r -> r.available() && r.dayOfWeek() == day)
				.sorted((a, b) -> a.startTime().compareTo(b.startTime()))
				.map(r -> new Window(HOURS.format(r.startTime()), HOURS.format(r.endTime())))
				.toList();
			if (!windows.isEmpty()) {
				days.put(day.name().toLowerCase(Locale.ROOT), windows);
			}
		}
		return days.isEmpty() ? null : days;
	}

	/**
	 * sos's {@code working_hours} as weekly rules at the given centre: a day named in any case, each window's
	 * {@code start} before its {@code end} ({@code HH:mm} or {@code HH:mm:ss}).
	 */
	static List<AvailabilityRule> rules(Map<String, List<Map<String, String>>> workingHours, @Nullable Long centreId) {
		List<AvailabilityRule> rules = new ArrayList<>();
		workingHours.forEach((name, windows) -> {
			DayOfWeek day;
			try {
				day = DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw Refusal.invalidField("working_hours." + name, "Not a day of the week");
			}
			if (windows == null) {
				return;
			}
			for (int i = 0; i < windows.size(); i++) {
				String field = "working_hours." + name + "[" + i + "]";
				Map<String, String> window = windows.get(i);
				if (window == null) {
					throw Refusal.invalidField(field, "A window is {\"start\":\"HH:MM\",\"end\":\"HH:MM\"}");
				}
				LocalTime start = time(field + ".start", window.get("start"));
				LocalTime end = time(field + ".end", window.get("end"));
				if (!start.isBefore(end)) {
					throw Refusal.invalidField(field, "start must be before end");
				}
				rules.add(new AvailabilityRule(day, start, end, true, centreId));
			}
		});
		return rules;
	}

	private static LocalTime time(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalidField(field, "A time HH:MM is required");
		}
		try {
			return LocalTime.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(field, "Must be a time HH:MM");
		}
	}
}
