package io.polyclinic.notify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * The devices a person's app registered for push messages: an FCM token each, kept for the person who registered it
 * last (a device someone else signs in on moves to them). A person registers and removes only their own devices,
 * named by their account and the role their app signed in with. The clinic sends no push message yet: the tokens wait
 * for a push gateway.
 */
@Service
@Transactional(readOnly = true)
public class PushDevices {

	public static final int TOKEN_MAX = 512;
	private static final String RESOURCE = "PUSH_DEVICE";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	PushDevices(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers the device for the caller; again is harmless.
	 *
	 * @param accountId whose device it is: must be the caller's account
	 * @param role the role the app signed in with: must be the caller's
	 * @throws Refusal FORBIDDEN for another account or role; INVALID_INPUT for a blank or over-long token
	 */
	@Transactional
	public void register(UUID accountId, Role role, String token, Actor actor) {
		String device = own(accountId, role, token, actor, "REGISTER");
		jdbc.sql("DELETE FROM push_devices WHERE token = ? AND user_id <> ?").params(device, actor.userId()).update();
		try {
			jdbc.sql("""
					INSERT INTO push_devices (user_id, token, created_at) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""")
				.params(actor.userId(), device, clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DataIntegrityViolationException concurrent) {
			// registered at the same moment by another sign-in on the device: the last one keeps it
		}
	}

	/** Forgets the caller's device (signing out of the app); a device not registered is already forgotten. */
	@Transactional
	public void remove(UUID accountId, Role role, String token, Actor actor) {
		String device = own(accountId, role, token, actor, "REMOVE");
		jdbc.sql("DELETE FROM push_devices WHERE token = ? AND user_id = ?").params(device, actor.userId()).update();
	}

	/** The caller's registered tokens, the newest first. */
	public List<String> mine(Actor actor) {
		return jdbc.sql("SELECT token FROM push_devices WHERE user_id = ? ORDER BY created_at DESC, id DESC")
			.param(actor.userId())
			.query(String.class)
			.list();
	}

	private String own(UUID accountId, Role role, String token, Actor actor, String action) {
		if (actor.isSystem() || !accountId.equals(actor.publicId()) || !actor.is(role)) {
			audit.recordDenied(AuditRecord.denied(actor, action, RESOURCE, accountId, null));
			throw Refusal.forbidden();
		}
		if (token == null || token.isBlank()) {
			throw Refusal.invalidField("token", "Token must not be empty");
		}
		String device = token.trim();
		if (device.length() > TOKEN_MAX) {
			throw Refusal.invalidField("token", "Token must be at most " + TOKEN_MAX + " characters");
		}
		return device;
	}
}
