package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

/**
 * A request to collect an appointment's fee through the provider's checkout.
 *
 * @param amountMinor in minor units (paise), positive
 * @param currency ISO 4217 code; null means the clinic's currency (INR unless configured)
 */
public record NewOrder(long appointmentId, long patientId, long amountMinor, @Nullable String currency) {
}
