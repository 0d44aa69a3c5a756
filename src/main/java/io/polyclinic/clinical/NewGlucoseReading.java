package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A glucose reading a patient logs.
 *
 * @param unit null: mg/dL
 */
public record NewGlucoseReading(@Nullable BigDecimal value, @Nullable GlucoseUnit unit, @Nullable Instant measuredAt,
		@Nullable GlucosePeriod period, @Nullable String note) {
}
