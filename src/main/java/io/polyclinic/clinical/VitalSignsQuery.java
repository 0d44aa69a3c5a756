package io.polyclinic.clinical;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which readings a list holds, within what the caller may see; null filters take in all.
 *
 * @param recordedByUserId the account that recorded them
 * @param from recorded at or after
 * @param to recorded before
 */
public record VitalSignsQuery(@Nullable Long patientId, @Nullable Long recordedByUserId, @Nullable Instant from,
		@Nullable Instant to, boolean descending) {

	/** Every reading the caller may see, newest first. */
	public static VitalSignsQuery all() {
		return new VitalSignsQuery(null, null, null, null, true);
	}
}
