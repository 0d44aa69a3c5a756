package io.polyclinic.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.identity.internal.Users;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * The caller's own account, for "who am I" answers and for records that name their author. Other people's accounts
 * are directory's to show, under its rules.
 */
@Service
@Transactional(readOnly = true)
public class Callers {

	private final Users users;

	Callers(Users users) {
		this.users = users;
	}

	/** The calling user's account; the system has none. */
	public Account self(Actor actor) {
		if (actor.isSystem()) {
			throw Refusal.notFound("Account");
		}
		return users.findById(actor.userId()).map(u -> u.toAccount()).orElseThrow(() -> Refusal.notFound("Account"));
	}
}
