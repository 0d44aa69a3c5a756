package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;

/**
 * A request to give money back for a payment.
 *
 * @param payment the payment, by id or public id
 * @param amountMinor how much, in minor units; null gives back all that is left of it
 * @param idempotencyKey the caller's name for this request: the same request sent again (a retry, a double click)
 *        answers the refund the first one made, and refunds nothing more
 * @param reason why, for the record
 */
public record RefundRequest(Ref payment, @Nullable Long amountMinor, String idempotencyKey, @Nullable String reason) {
}
