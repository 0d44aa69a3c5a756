package io.polyclinic.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person's identity check: the document they uploaded (a file of the files module, purpose
 * {@code IDENTITY_DOCUMENT}) and where the administrator's decision stands.
 *
 * @param userId the account whose identity it is
 * @param decidedBy the administrator's account, once decided
 */
public record IdentityCheck(long id, long userId, UUID documentId, IdentityStatus status, Instant submittedAt,
		@Nullable Instant decidedAt, @Nullable Long decidedBy) {
}
