package io.polyclinic.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A payment link as the faces show it. Amounts in minor units.
 *
 * @param linkId the provider's id ({@code plink_…})
 * @param paymentId the clinic's payment the link collects (see {@link Payment#id()})
 */
public record PaymentLink(String linkId, String shortUrl, long appointmentId, long paymentId, long amountMinor,
		long amountPaidMinor, String currency, PaymentLinkStatus status, @Nullable Instant expiresAt) {
}
