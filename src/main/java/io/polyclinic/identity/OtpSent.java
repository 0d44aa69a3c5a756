package io.polyclinic.identity;

/**
 * A one-time code on its way: where it went (the phone number as the clinic writes it, E.164) and how many seconds
 * it stays good.
 */
public record OtpSent(String destination, long expiresIn) {
}
