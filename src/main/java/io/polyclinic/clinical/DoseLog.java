package io.polyclinic.clinical;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a patient said of one dose of a reminded medicine.
 *
 * @param id the log's public id
 * @param takenAt when they took it, if they said
 */
public record DoseLog(UUID id, UUID reminderId, DoseStatus status, @Nullable Instant takenAt, String notes,
		Instant createdAt) {
}
