package io.polyclinic.directory;

import org.jspecify.annotations.Nullable;

/**
 * A centre's details to create it, or (null meaning "unchanged") to change it.
 *
 * @param pincode the postal code, kept apart from the address; blank clears it
 */
public record CentreDetails(@Nullable String name, @Nullable String city, @Nullable String address,
		@Nullable String phone, @Nullable String email, @Nullable String timeZone, @Nullable String pincode) {

	/** Without a postal code (or leaving it as it is). */
	public CentreDetails(@Nullable String name, @Nullable String city, @Nullable String address,
			@Nullable String phone, @Nullable String email, @Nullable String timeZone) {
		this(name, city, address, phone, email, timeZone, null);
	}
}
