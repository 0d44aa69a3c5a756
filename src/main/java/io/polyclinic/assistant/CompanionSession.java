package io.polyclinic.assistant;

import java.time.Instant;
import java.util.UUID;

/** One of a person's conversations with the companion, as their history lists it. */
public record CompanionSession(UUID id, Instant startedAt, String summary, SessionType type, boolean crisisDetected) {
}
