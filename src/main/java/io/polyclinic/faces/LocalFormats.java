package io.polyclinic.faces;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;

/**
 * Dates, times and instants as the contracts write them: {@code YYYY-MM-DD} and {@code HH:MM:SS} on the clinician's
 * (or centre's) clock, instants in UTC to the millisecond. Parsing names the offending field.
 */
public final class LocalFormats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private LocalFormats() {
	}

	/** Always with seconds ({@code 09:00:00}): Jackson would drop {@code :00}. */
	public static String time(LocalTime time) {
		return TIME.format(time);
	}

	public static String date(LocalDate date) {
		return date.toString();
	}

	/** Instants to the millisecond: stored ones may carry microseconds no contract shows. */
	public static Instant instant(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	public static @Nullable Instant instantOrNull(@Nullable Instant instant) {
		return instant == null ? null : instant(instant);
	}

	/** An optional {@code YYYY-MM-DD}: blank is none. */
	public static @Nullable LocalDate optionalDate(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(field, "Must be a date as YYYY-MM-DD");
		}
	}

	/** A required {@code YYYY-MM-DD}: blank is refused like a malformed one. */
	public static LocalDate date(String field, @Nullable String value) {
		LocalDate date = optionalDate(field, value);
		if (date == null) {
			throw Refusal.invalidField(field, "Must be a date as YYYY-MM-DD");
		}
		return date;
	}

	/** {@code HH:MM:SS} as contracts write it, or {@code HH:MM}. */
	public static LocalTime time(String field, @Nullable String value) {
		try {
			return LocalTime.parse(value == null ? "" : value.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(field, "Must be a time as HH:MM:SS");
		}
	}

	/** An optional ISO-8601 instant ({@code 2024-03-15T10:00:00Z}): blank is none. */
	public static @Nullable Instant optionalInstant(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(field, "Must be an ISO-8601 instant, e.g. 2024-03-15T10:00:00Z");
		}
	}

	/**
	 * An instant as mobile apps write one: ISO-8601 with an offset or {@code Z}; or a date and time without one (Dart's
	 * {@code toIso8601String()} of a local time), read in {@code localZone}; or a date alone, its start of day there. A
	 * {@code +} of an offset sent unencoded in a query arrives as a space and is read as the {@code +} it was.
	 */
	public static Instant instantOrLocal(String field, @Nullable String value, java.time.ZoneId localZone) {
		String message = "must be a valid ISO 8601 date string";
		if (value == null || value.isBlank()) {
			throw Refusal.invalidField(field, message);
		}
		String text = value.trim().replaceFirst("(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?) (\\d{2}(:?\\d{2})?)$", "$1+$4");
		try {
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notWithOffset) {
			try {
				return java.time.LocalDateTime.parse(text).atZone(localZone).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay(localZone).toInstant();
				}
				catch (DateTimeParseException notADate) {
					throw Refusal.invalidField(field, message);
				}
			}
		}
	}
}
