package io.polyclinic.billing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;

/**
 * A patient's (or staff's) request to pay an appointment's fee through a provider.
 *
 * @param expectedAmountMinor the amount the client expects to pay, in minor units; one that differs from the fee is
 *        refused, so that nothing but the fee reaches the provider. Null takes the fee.
 * @param currency the currency the client expects (any case); one that differs from the fee's is refused. Null takes
 *        the fee's.
 * @param method how the patient means to pay, in the clinic's word (CARD, MOBILE_MONEY, BANK_TRANSFER…); null when
 *        they do not say
 * @param metadata the client's own notes, kept with the payment and given to the provider (at most 20 keys of 40
 *        characters, values of 500)
 */
public record CheckoutRequest(Ref appointment, @Nullable Long expectedAmountMinor, @Nullable String currency,
		String provider, @Nullable String method, Map<String, String> metadata) {
}
