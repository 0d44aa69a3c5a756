package io.polyclinic.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A payment link to tell a customer about, with what the message needs. Amounts in minor units. */
public record PaymentLinkNotice(String linkId, String shortUrl, long amountMinor, String currency,
		@Nullable Instant expiresAt, String customerName, String customerPhone, @Nullable String customerEmail,
		long patientId, long appointmentId) {
}
