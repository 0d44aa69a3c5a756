package io.polyclinic.billing;

/**
 * A payment after a confirm, and the provider's own word for where its order stands ({@code succeeded},
 * {@code requires_action}, {@code processing}, {@code requires_payment_method} after a decline).
 */
public record Confirmed(Payment payment, String providerStatus) {
}
