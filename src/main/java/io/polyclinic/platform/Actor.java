package io.polyclinic.platform;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The caller of a module method: the authenticated user a face hands to the modules (who decide from it what the
 * caller may see and do), or the clinic's own processes — jobs and event listeners — as {@link #system()}.
 *
 * <p>An actor lives as long as the request it came with. What a module works out about the caller from the database
 * (their own patient record, the centre they work at) may be remembered on it with {@link #remember}, so that the
 * modules one request passes through ask the database once, not once each.
 */
public final class Actor {

	private static final UUID NONE = new UUID(0, 0);
	private static final Actor SYSTEM = new Actor(0, NONE, Role.ADMIN, NONE);

	private final long userId;
	private final UUID publicId;
	private final Role role;
	private final UUID sessionId;
	private final Map<Object, Object> remembered = new ConcurrentHashMap<>();

	public Actor(long userId, UUID publicId, Role role, UUID sessionId) {
		this.userId = userId;
		this.publicId = Objects.requireNonNull(publicId);
		this.role = Objects.requireNonNull(role);
		this.sessionId = Objects.requireNonNull(sessionId);
	}

	/**
	 * The clinic itself, acting without a person: reminders, confirmations after a payment, webhooks. It reaches
	 * the whole clinic. Faces never use it: their callers come from an access token.
	 */
	public static Actor system() {
		return SYSTEM;
	}

	public long userId() {
		return userId;
	}

	public UUID publicId() {
		return publicId;
	}

	public Role role() {
		return role;
	}

	public UUID sessionId() {
		return sessionId;
	}

	public boolean isSystem() {
		return userId == 0 && NONE.equals(sessionId);
	}

	public boolean is(Role... roles) {
		for (Role r : roles) {
			if (role == r || (r == Role.ADMIN && role == Role.SUPERADMIN)) {
				return true;
			}
		}
		return false;
	}

	public boolean isStaff() {
		return role.isStaff();
	}

	/** The user the audit trail names: none for the system. */
	public @Nullable Long auditUserId() {
		return isSystem() ? null : userId;
	}

	/** The role the audit trail names: {@code SYSTEM} for the clinic's own processes. */
	public String auditRole() {
		return isSystem() ? "SYSTEM" : role.name();
	}

	/**
	 * What a module found out about this caller, worked out once for the actor's request. Not for the system actor,
	 * which lives for ever: it is computed each time.
	 */
	@SuppressWarnings("unchecked")
	public <T> T remember(Object key, Supplier<T> compute) {
		if (isSystem()) {
			return compute.get();
		}
		return (T) remembered.computeIfAbsent(key, k -> compute.get());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Actor a && a.userId == userId && a.publicId.equals(publicId) && a.role == role
				&& a.sessionId.equals(sessionId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(userId, publicId, role, sessionId);
	}

	@Override
	public String toString() {
		return isSystem() ? "system" : "user " + userId;
	}
}
