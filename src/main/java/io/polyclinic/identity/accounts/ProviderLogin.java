package io.polyclinic.identity.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A person an OAuth provider vouched for: the provider's name for them ({@code subject}), the email address the
 * provider verified (trimmed, lower case), and the name and picture it shares, when it does.
 */
public record ProviderLogin(String provider, String subject, String email, @Nullable String name,
		@Nullable String picture) {
}
