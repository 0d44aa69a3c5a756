package io.polyclinic.identity.accounts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.internal.SessionIssuer;
import io.polyclinic.identity.internal.User;
import io.polyclinic.identity.internal.Users;
import io.polyclinic.platform.Refusal;

/**
 * Starts a session for a user whose identity another step has already proven — a patient's verified one-time code
 * that also signed them up. Part of account keeping, so that no face can hand out sessions of its own accord.
 */
@Service
// a refusal changes nothing: it must not doom the caller's transaction, which counts the code that proved the person
@Transactional(noRollbackFor = Refusal.class)
public class VerifiedSessions {

	private final Users users;
	private final SessionIssuer issuer;

	VerifiedSessions(Users users, SessionIssuer issuer) {
		this.users = users;
		this.issuer = issuer;
	}

	public SignedIn start(long userId) {
		User user = users.findById(userId).filter(User::canSignIn)
			.orElseThrow(() -> Refusal.unauthenticated("INVALID_CREDENTIALS", "Invalid login credentials"));
		return issuer.start(user);
	}
}
