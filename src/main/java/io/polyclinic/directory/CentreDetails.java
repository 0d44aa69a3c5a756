package io.polyclinic.directory;

import org.jspecify.annotations.Nullable;

/** A centre's details to create it, or (null meaning "unchanged") to change it. */
public record CentreDetails(@Nullable String name, @Nullable String city, @Nullable String address,
		@Nullable String phone, @Nullable String email, @Nullable String timeZone) {
}
