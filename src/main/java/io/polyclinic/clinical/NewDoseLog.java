package io.polyclinic.clinical;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A dose to log; the status is required, the time taken and notes are not. */
public record NewDoseLog(@Nullable DoseStatus status, @Nullable Instant takenAt, @Nullable String notes) {
}
