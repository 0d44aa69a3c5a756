package io.polyclinic.platform.ratelimit;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of a contract's rate-limit table: requests to these paths share a bucket of {@code capacity} requests
 * per {@code window}, per caller (the user, or the client address when anonymous).
 *
 * @param name the bucket's name (auth, otp, general…)
 * @param method an HTTP method to match, or null for any
 * @param paths path patterns relative to the face's prefix ({@code /api/auth/**})
 */
public record RateLimitRule(String name, @Nullable String method, List<String> paths, int capacity, Duration window) {

	public static RateLimitRule of(String name, int capacity, Duration window, String... paths) {
		return new RateLimitRule(name, null, List.of(paths), capacity, window);
	}
}
