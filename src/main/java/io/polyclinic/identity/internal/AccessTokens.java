package io.polyclinic.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.security.BearerTokens;

/**
 * The one JWT scheme of every face: HS256 access tokens naming the user, role and session. A token is accepted while
 * its signature holds, it has not expired, its session is not revoked and its user may still sign in.
 */
@Component
public class AccessTokens implements BearerTokens {

	private static final String ISSUER = "polyclinic";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] secret;
	private final PolyclinicProperties properties;
	private final JdbcClient jdbc;
	private final Clock clock;

	AccessTokens(PolyclinicProperties properties, JdbcClient jdbc, Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
		this.secret = sha256(properties.jwt().secret().getBytes(StandardCharsets.UTF_8));
	}

	public String issue(User user, UUID sessionId) {
		Instant now = clock.instant();
		var claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(user.getPublicId().toString())
			.claim("uid", user.getId())
			.claim("role", user.getRole().name())
			.claim("sid", sessionId.toString())
			.claim("typ", "access")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(properties.jwt().accessTokenTtl())))
			.build();
		try {
			var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(secret));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Cannot sign an access token", e);
		}
	}

	public long accessTokenSeconds() {
		return properties.jwt().accessTokenTtl().toSeconds();
	}

	@Override
	public Authentication authenticate(String token) throws TokenRejected {
		JWTClaimsSet claims;
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
				throw new TokenRejected("INVALID_TOKEN", "Invalid or malformed token");
			}
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException | JOSEException | IllegalStateException e) {
			throw new TokenRejected("INVALID_TOKEN", "Invalid or malformed token");
		}
		if (!ISSUER.equals(claims.getIssuer()) || !"access".equals(claims.getClaim("typ"))
				|| claims.getExpirationTime() == null) {
			throw new TokenRejected("INVALID_TOKEN", "Invalid or malformed token");
		}
		if (!clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
			throw new TokenRejected("TOKEN_EXPIRED", "Access token expired");
		}
		UUID sessionId;
		long userId;
		try {
			sessionId = UUID.fromString(String.valueOf(claims.getClaim("sid")));
			userId = ((Number) claims.getClaim("uid")).longValue();
		}
		catch (RuntimeException e) {
			throw new TokenRejected("INVALID_TOKEN", "Invalid or malformed token");
		}
		// One indexed look-up: the session must be live and its user still allowed in (and the role is the current one).
		var live = jdbc.sql("""
				SELECT u.public_id, u.role FROM sessions s JOIN users u ON u.id = s.user_id
				WHERE s.id = ? AND s.user_id = ? AND s.revoked_at IS NULL AND u.active = TRUE AND u.deleted_at IS NULL""")
			.params(sessionId, userId)
			.query((rs, i) -> new Actor(userId, rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)), sessionId))
			.optional();
		Actor actor = live.orElseThrow(() -> new TokenRejected("INVALID_TOKEN", "Token has been revoked"));
		return UsernamePasswordAuthenticationToken.authenticated(actor, null,
				List.of(new SimpleGrantedAuthority(actor.role().authority())));
	}

	/** A new opaque refresh token: 256 random bits. Only its hash is stored. */
	public static String newRefreshToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String value) {
		return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
	}

	static byte[] sha256(byte[] input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
