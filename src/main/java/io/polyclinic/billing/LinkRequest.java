package io.polyclinic.billing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;

/**
 * A payment link to send for an appointment. Whatever is left out comes from the appointment and its patient: the
 * fee, the patient's name, phone and email.
 *
 * @param amountMinor in minor units, positive; null means the appointment's fee
 * @param customerPhone where the link goes (WhatsApp), with or without the country code
 * @param description shown on the provider's payment page; a default names the appointment
 * @param validFor how long the link can be paid; null means the configured default (24 h); at least 15 minutes
 */
public record LinkRequest(Ref appointment, @Nullable Long amountMinor, @Nullable String customerName,
		@Nullable String customerPhone, @Nullable String customerEmail, @Nullable String description,
		@Nullable Duration validFor) {

	/** A link for the appointment's fee, to its patient. */
	public static LinkRequest of(Ref appointment) {
		return new LinkRequest(appointment, null, null, null, null, null, null);
	}
}
