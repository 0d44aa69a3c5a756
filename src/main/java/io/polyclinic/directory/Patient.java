package io.polyclinic.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A patient's demographic and medical profile, with how to reach them.
 *
 * @param accountId the public id of the patient's account: the id faces that show people by account use
 */
public record Patient(long id, UUID publicId, long userId, String fullName, @Nullable String phone,
		@Nullable String email, @Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup,
		@Nullable String emergencyContactName, @Nullable String emergencyContactPhone, @Nullable String medicalHistory,
		LeadSource leadSource, Instant createdAt, @Nullable DiabetesType diabetesType, UUID accountId) {
}
