package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A blood glucose reading a patient logged.
 *
 * @param patientAccountId the public id of the patient's account, by which faces that name people by their account
 *        name the patient
 * @param value the reading as logged, in {@code unit}
 * @param mgPerDl the reading in mg/dL (a reading in mmol/L × 18.016)
 */
public record GlucoseReading(long id, UUID publicId, long patientId, UUID patientAccountId, BigDecimal value,
		GlucoseUnit unit, BigDecimal mgPerDl, Instant measuredAt, @Nullable GlucosePeriod period, @Nullable String note,
		Instant createdAt, Instant updatedAt) {
}
