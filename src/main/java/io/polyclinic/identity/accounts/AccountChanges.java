package io.polyclinic.identity.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A partial update of an account: null leaves a field as it is.
 */
public record AccountChanges(@Nullable String fullName, @Nullable String email, @Nullable String phone,
		@Nullable String username, @Nullable String password, @Nullable Boolean active) {

	public static AccountChanges none() {
		return new AccountChanges(null, null, null, null, null, null);
	}
}
