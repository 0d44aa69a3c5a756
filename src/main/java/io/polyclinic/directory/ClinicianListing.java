package io.polyclinic.directory;

import org.jspecify.annotations.Nullable;

/**
 * How a clinician appears to patients looking for one: whether they are listed at all, where they receive (the
 * practice's name and address), and how patients rate them (0 to 5, from {@code ratingCount} ratings and reviews).
 */
public record ClinicianListing(boolean listed, @Nullable String address, double rating, int ratingCount,
		@Nullable String clinicName) {

	/**
	 * What to change of the listing and the fee's currency; null leaves a field as it is (on appointment: unlisted,
	 * the clinic's currency).
	 *
	 * @param currency ISO 4217, any case
	 */
	public record Changes(@Nullable Boolean listed, @Nullable String address, @Nullable String currency,
			@Nullable String clinicName) {

		private static final Changes NONE = new Changes(null, null, null, null);

		public Changes(@Nullable Boolean listed, @Nullable String address, @Nullable String currency) {
			this(listed, address, currency, null);
		}

		public static Changes none() {
			return NONE;
		}
	}
}
