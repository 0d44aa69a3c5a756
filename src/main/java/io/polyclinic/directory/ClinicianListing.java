package io.polyclinic.directory;

import org.jspecify.annotations.Nullable;

/**
 * How a clinician appears to patients looking for one: whether they are listed at all, where they receive, and how
 * patients rate them (0 to 5, from {@code ratingCount} ratings).
 */
public record ClinicianListing(boolean listed, @Nullable String address, double rating, int ratingCount) {

	/**
	 * What to change of the listing and the fee's currency; null leaves a field as it is (on appointment: unlisted,
	 * the clinic's currency).
	 *
	 * @param currency ISO 4217, any case
	 */
	public record Changes(@Nullable Boolean listed, @Nullable String address, @Nullable String currency) {

		private static final Changes NONE = new Changes(null, null, null);

		public static Changes none() {
			return NONE;
		}
	}
}
