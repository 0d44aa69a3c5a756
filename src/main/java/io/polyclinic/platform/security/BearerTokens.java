package io.polyclinic.platform.security;

import org.springframework.security.core.Authentication;

/**
 * Turns a bearer access token into an authenticated caller. Identity implements it; the platform only wires it in.
 */
public interface BearerTokens {

	/**
	 * @throws TokenRejected when the token is expired, malformed, forged or revoked
	 */
	Authentication authenticate(String token) throws TokenRejected;

	/** Why a token was refused: {@code TOKEN_EXPIRED} or {@code INVALID_TOKEN}. */
	final class TokenRejected extends Exception {

		private final String code;

		public TokenRejected(String code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}
}
