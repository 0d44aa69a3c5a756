package io.polyclinic.assistant;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The companion detected a crisis in what someone wrote and answered it with emergency guidance. Published in the
 * transaction that records the intervention; notify tells the patient's clinicians.
 *
 * @param userId the account of the person who wrote it
 * @param patientId their patient record, when they are a patient; null otherwise (nobody's care team to tell)
 * @param layer the detector layer that fired ({@code RED_FLAG} or {@code SEMANTIC})
 */
public record CrisisDetected(UUID interventionId, UUID sessionId, long userId, @Nullable Long patientId,
		CrisisCategory category, String layer, Instant detectedAt) {
}
