package io.polyclinic.platform;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The caller of a module method: the authenticated user a face hands to the modules (who decide from it what the
 * caller may see and do), or the clinic's own processes — jobs and event listeners — as {@link #system()}.
 */
public record Actor(long userId, UUID publicId, Role role, UUID sessionId) {

	private static final UUID NONE = new UUID(0, 0);
	private static final Actor SYSTEM = new Actor(0, NONE, Role.ADMIN, NONE);

	/**
	 * The clinic itself, acting without a person: reminders, confirmations after a payment, webhooks. It reaches
	 * the whole clinic. Faces never use it: their callers come from an access token.
	 */
	public static Actor system() {
		return SYSTEM;
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

	@Override
	public String toString() {
		return isSystem() ? "system" : "user " + userId;
	}
}
