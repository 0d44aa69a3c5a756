package io.polyclinic.identity.accounts;

import io.polyclinic.platform.Role;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to open an account. At least one of username, email and phone identifies it; a password is optional
 * (patients sign in with one-time codes).
 */
public record NewAccount(String fullName, @Nullable String username, @Nullable String email, @Nullable String phone,
		@Nullable String password, Role role) {
}
