package io.polyclinic.identity;

import io.polyclinic.platform.Role;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user as other modules see it: who they are and how to reach them, never their credentials.
 *
 * @param emailVerified the person proved the address theirs (a code sent there, or a provider's word)
 * @param phoneVerified the person proved the phone number theirs by a code sent there
 * @param identityVerified an administrator accepted the person's identity document
 */
public record Account(long id, UUID publicId, @Nullable String username, @Nullable String email, @Nullable String phone,
		String fullName, Role role, boolean active, boolean deleted, Instant createdAt, Instant updatedAt,
		@Nullable String profilePictureUrl, boolean emailVerified, boolean phoneVerified, boolean identityVerified) {
}
