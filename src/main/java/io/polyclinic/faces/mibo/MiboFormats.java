package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Money;

/**
 * Mibo's own choices on top of the face toolkit: whole rupees both ways, and the email pattern its requests are
 * checked with. Paging is the toolkit's (see package-info), dates and times are {@code LocalFormats}.
 */
final class MiboFormats {

	/** As identity checks an address, so that the face refuses what the module would. */
	static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

	static final String INVALID_EMAIL = "Invalid email format";

	/** Mibo is an Indian clinic's product: amounts a client sends are whole rupees. */
	static final String CURRENCY = "INR";

	private MiboFormats() {
	}

	/** The contract shows {@code 2024-01-01T00:00:00Z}; stored instants may carry microseconds nobody needs. */
	static Instant instant(Instant instant) {
		return LocalFormats.instant(instant);
	}

	/** Mibo shows fees as whole rupees; a fee with paise (set through another face) is rounded half up. */
	static long rupees(long minor) {
		return Money.whole(minor, CURRENCY);
	}

	static @Nullable Long paise(@Nullable Long rupees) {
		return Money.minorOfWhole(rupees, CURRENCY);
	}

	static @Nullable LocalDate date(String field, @Nullable String value) {
		return LocalFormats.optionalDate(field, value);
	}
}
