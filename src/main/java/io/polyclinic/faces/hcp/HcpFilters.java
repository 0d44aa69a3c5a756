package io.polyclinic.faces.hcp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What hcp's list filters share, read as django-filter reads them. */
final class HcpFilters {

	private HcpFilters() {
	}

	/**
	 * A list bound: an ISO-8601 instant with its offset, or a day ({@code YYYY-MM-DD}) in UTC, from its first moment or,
	 * for an upper bound, up to its end (the next day's first moment).
	 *
	 * @throws DateTimeParseException when it is neither; each list words its own refusal
	 */
	static Instant moment(String value, boolean endOfDay) {
		String v = value.trim();
		if (v.length() == 10) {
			LocalDate day = LocalDate.parse(v);
			return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		return OffsetDateTime.parse(v).toInstant();
	}
}
