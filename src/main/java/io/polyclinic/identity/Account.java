package io.polyclinic.identity;

import io.polyclinic.platform.Role;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user as other modules see it: who they are and how to reach them, never their credentials.
 */
public record Account(long id, UUID publicId, @Nullable String username, @Nullable String email, @Nullable String phone,
		String fullName, Role role, boolean active, boolean deleted, Instant createdAt, Instant updatedAt,
		@Nullable String profilePictureUrl, boolean emailVerified) {
}
