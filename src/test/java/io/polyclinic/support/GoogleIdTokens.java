package io.polyclinic.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Id tokens as Google signs them, with keys of a test's own stub JWK set: the real algorithm, not a mock. */
public final class GoogleIdTokens {

	private GoogleIdTokens() {
	}

	public static RSAKey rsaKey(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A token for {@code audience}, valid for an hour, about a verified address, with the extra claims given. */
	public static String idToken(RSAKey key, String audience, String subject, String email,
			Map<String, Object> claims) {
		Instant now = Instant.now();
		var builder = new JWTClaimsSet.Builder().issuer("https://accounts.google.com")
			.audience(List.of(audience))
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.claim("email", email)
			.claim("email_verified", true);
		claims.forEach(builder::claim);
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}
}
