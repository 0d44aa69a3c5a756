package io.polyclinic.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A clinician's profile fields to set; null leaves a field as it is (on creation: the clinic's default).
 */
public record ClinicianDetails(@Nullable String fullName, @Nullable String phone, @Nullable String email,
		@Nullable Long primaryCentreId, @Nullable List<String> specializations, @Nullable List<String> qualifications,
		@Nullable List<String> languages, @Nullable Integer yearsOfExperience, @Nullable Long feeMinor,
		@Nullable Integer consultationMinutes, @Nullable String profilePictureUrl, @Nullable String bio,
		@Nullable String timeZone) {
}
