package io.polyclinic.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A clinic location. */
public record Centre(long id, UUID publicId, String name, String city, @Nullable String address, @Nullable String phone,
		@Nullable String email, ZoneId timeZone, boolean active, Instant createdAt,
		@Nullable String pincode) {
}
