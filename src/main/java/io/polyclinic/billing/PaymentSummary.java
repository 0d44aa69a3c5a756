package io.polyclinic.billing;

import java.util.List;

/**
 * A patient's payments at a glance: the newest few, and what they have paid net of refunds in the clinic's currency.
 */
public record PaymentSummary(List<PaymentEntry> recent, long netPaidMinor, String currency) {
}
