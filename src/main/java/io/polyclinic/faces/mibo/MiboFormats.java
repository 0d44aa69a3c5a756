package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Money;

/**
 * How Mibo writes what the modules hold: instants to the millisecond, whole rupees, YYYY-MM-DD dates, and its
 * {@code page}/{@code limit} query parameters.
 */
final class MiboFormats {

	/** As identity checks an address, so that the face refuses what the module would. */
	static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

	static final String INVALID_EMAIL = "Invalid email format";

	static final String DEFAULT_PAGE = "1";

	static final String DEFAULT_LIMIT = "50";

	static final int MAXIMUM_LIMIT = 100;

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

	/** Mibo's pages count from 1. */
	static Pageable page(int page, int limit, Sort sort) {
		return PageRequest.of(page - 1, limit, sort);
	}
}
