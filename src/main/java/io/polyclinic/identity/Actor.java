package io.polyclinic.identity;

import java.util.UUID;

/**
 * The authenticated caller of a request: the principal every face hands to the modules, which decide from it what
 * the caller may see and do.
 */
public record Actor(long userId, UUID publicId, Role role, UUID sessionId) {

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

	@Override
	public String toString() {
		return "user " + userId;
	}
}
