package io.polyclinic.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.Tokens;
import io.polyclinic.platform.PolyclinicProperties;

/**
 * Opens sessions and hands out their tokens, for a user whose identity a sign-in has proven: a short-lived access
 * token and a refresh token of the session's family (only its hash is kept).
 */
@Component
public class SessionIssuer {

	private final Sessions sessions;
	private final RefreshTokens refreshTokens;
	private final AccessTokens accessTokens;
	private final PolyclinicProperties properties;
	private final Clock clock;

	SessionIssuer(Sessions sessions, RefreshTokens refreshTokens, AccessTokens accessTokens,
			PolyclinicProperties properties, Clock clock) {
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.properties = properties;
		this.clock = clock;
	}

	public SignedIn start(User user) {
		Instant now = clock.instant();
		Session session = sessions.save(new Session(user.getId(), now));
		return new SignedIn(user.toAccount(), tokens(user, session.getId(), now));
	}

	/** A new pair for a session: the refresh token is the next of the session's family. */
	public Tokens tokens(User user, UUID sessionId, Instant now) {
		String refresh = AccessTokens.newRefreshToken();
		refreshTokens.save(new RefreshToken(AccessTokens.hash(refresh), sessionId, now,
				now.plus(properties.jwt().refreshTokenTtl())));
		return new Tokens(accessTokens.issue(user, sessionId), refresh, accessTokens.accessTokenSeconds());
	}
}
