package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient logged a blood glucose reading.
 *
 * @param mgPerDl the reading in mg/dL (a reading in mmol/L times 18.016)
 * @param value the reading as logged, in {@code unit}
 * @param unit {@code mg/dL} or {@code mmol/L}
 */
public record GlucoseReadingLogged(UUID readingId, long patientId, BigDecimal mgPerDl, BigDecimal value, String unit,
		Instant measuredAt) {

	/** Dangerously low or high: below 54 mg/dL or above 250 mg/dL. Every doctor of the patient is told. */
	public boolean critical() {
		return mgPerDl.compareTo(BigDecimal.valueOf(54)) < 0 || mgPerDl.compareTo(BigDecimal.valueOf(250)) > 0;
	}
}
