package io.polyclinic.identity;

/**
 * What a successful sign-in or refresh hands out.
 *
 * @param expiresIn the access token's lifetime in seconds
 */
public record Tokens(String accessToken, String refreshToken, long expiresIn) {
}
