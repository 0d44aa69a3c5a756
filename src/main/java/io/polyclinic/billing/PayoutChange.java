package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

/**
 * What staff record about a payout as it is sent: its status, and the transfer's reference. Null leaves a field as it
 * is. The amounts and the period are computed, never changed.
 */
public record PayoutChange(@Nullable PayoutStatus status, @Nullable String externalPayoutId) {
}
