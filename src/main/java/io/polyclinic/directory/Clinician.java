package io.polyclinic.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A clinician's profile as the clinic shows it: identity (from their account), expertise, fee and schedule basics.
 *
 * @param feeMinor the consultation fee in minor units (paise)
 * @param accountId the public id of the clinician's account: the id faces that show people by account use
 * @param verification where their KYC check stands
 */
public record Clinician(long id, UUID publicId, long userId, String fullName, @Nullable String phone,
		@Nullable String email, @Nullable Long primaryCentreId, List<String> specializations, List<String> qualifications,
		List<String> languages, @Nullable Integer yearsOfExperience, long feeMinor, String currency,
		int consultationMinutes, @Nullable String profilePictureUrl, @Nullable String bio, ZoneId timeZone,
		boolean active, boolean deleted, Instant createdAt,
		ClinicianPractice practice, UUID accountId, Instant updatedAt, ClinicianListing listing,
		Verification verification) {

	/** Bookable: active, not deleted, and verified (a clinician who registered themself waits for the KYC check). */
	public boolean bookable() {
		return active && !deleted && verification == Verification.VERIFIED;
	}
}
