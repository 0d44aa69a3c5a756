package io.polyclinic.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the clinic pays a clinician for one period (dates in the clinician's zone): the payments settled in it
 * ({@code grossMinor}) less the refunds processed in it ({@code refundedMinor}), less the platform's commission at
 * {@code commissionRate}; {@code netMinor} is what is paid. Amounts in minor units of {@code currency}.
 *
 * @param appointmentsCount the appointments whose payments it counts
 * @param externalPayoutId the transfer's reference at the bank or provider, once staff record it
 * @param processedAt when it was paid (COMPLETED)
 */
public record Payout(long id, UUID publicId, long clinicianId, String clinicianName, LocalDate periodStart,
		LocalDate periodEnd, String currency, long grossMinor, long refundedMinor, BigDecimal commissionRate,
		long commissionMinor, long netMinor, int appointmentsCount, PayoutStatus status,
		@Nullable String externalPayoutId, @Nullable Instant processedAt, Instant createdAt, Instant updatedAt) {
}
