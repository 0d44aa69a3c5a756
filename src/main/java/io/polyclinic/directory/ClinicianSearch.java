package io.polyclinic.directory;

import org.jspecify.annotations.Nullable;

/**
 * A search of the clinicians patients may choose from: a part of the name, a specialization, the bio or the
 * practice's name; a
 * specialization and a language (each exact, any case); a lowest rating; listed or not; and an order.
 */
public record ClinicianSearch(@Nullable String text, @Nullable String specialization, @Nullable String language,
		@Nullable Double minRating, @Nullable Boolean listed, Order order, boolean descending) {

	public enum Order {
		RATING, RATING_COUNT, CREATED_AT, FEE, EXPERIENCE, NAME
	}
}
