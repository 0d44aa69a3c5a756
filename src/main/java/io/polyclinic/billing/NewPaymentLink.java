package io.polyclinic.billing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A payment link to send to a patient for an appointment. The short URL goes to {@code customerPhone} over WhatsApp.
 *
 * @param amountMinor in minor units (paise), positive
 * @param currency null means the clinic's currency
 * @param description shown on the provider's payment page; a default names the appointment
 * @param validFor how long the link can be paid; null means the configured default (24 h); at least 15 minutes
 */
public record NewPaymentLink(long appointmentId, long patientId, long amountMinor, @Nullable String currency,
		String customerName, String customerPhone, @Nullable String customerEmail, @Nullable String description,
		@Nullable Duration validFor) {

	public NewPaymentLink(long appointmentId, long patientId, long amountMinor, String customerName,
			String customerPhone, @Nullable String customerEmail) {
		this(appointmentId, patientId, amountMinor, null, customerName, customerPhone, customerEmail, null, null);
	}
}
