package io.polyclinic.identity;

import org.jspecify.annotations.Nullable;

/**
 * A phone number proven by a one-time code, with the name given when the code was asked for.
 */
public record OtpVerified(String phone, @Nullable String displayName) {
}
