package io.polyclinic.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A pharmacist and the pharmacy they keep: the clinic's partner who dispenses what its clinicians prescribe.
 *
 * @param accountId the public id of the pharmacist's account
 * @param licenceNumber their registration with the order of pharmacists
 */
public record Pharmacist(long id, UUID publicId, long userId, UUID accountId, String fullName, @Nullable String email,
		@Nullable String phone, String licenceNumber, String pharmacyName, @Nullable String pharmacyAddress,
		@Nullable String pharmacyPhone, Instant createdAt) {
}
