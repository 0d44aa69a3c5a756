package io.polyclinic.billing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A payout to generate: a clinician and a period, both dates included, in the clinician's zone.
 *
 * @param expectedNetMinor what the caller expects to pay, checked against what the clinic computes; null to take it
 */
public record PayoutRequest(long clinicianId, LocalDate periodStart, LocalDate periodEnd,
		@Nullable Long expectedNetMinor) {
}
