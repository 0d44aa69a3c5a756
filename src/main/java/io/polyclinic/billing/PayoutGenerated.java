package io.polyclinic.billing;

/**
 * A payout and whether this request made it: generating a period that has its payout answers that payout
 * ({@code created} false) and pays nothing more.
 */
public record PayoutGenerated(Payout payout, boolean created) {
}
