package io.polyclinic.directory;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Role;

/** What it takes to add a member of staff with a login. */
public record NewStaffMember(String fullName, @Nullable String phone, @Nullable String email, @Nullable String username,
		String password, Role role, @Nullable Long centreId) {
}
