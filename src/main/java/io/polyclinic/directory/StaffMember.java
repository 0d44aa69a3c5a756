package io.polyclinic.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Role;

/** A member of staff; their id is their user id, their username what they sign in with (if they have one). */
public record StaffMember(long id, UUID publicId, String fullName, @Nullable String phone, @Nullable String email,
		Role role, @Nullable Long centreId, boolean active, boolean deleted, Instant createdAt,
		@Nullable String username) {
}
