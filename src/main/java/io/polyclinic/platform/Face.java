package io.polyclinic.platform;

import java.util.List;

import io.polyclinic.platform.ratelimit.RateLimitRule;

/**
 * One published API contract served over the core: where it is mounted, how it shapes errors, what it rate-limits.
 */
public interface Face {

	/** The face's name, also its mount prefix without the slash: {@code mibo}. */
	String name();

	/** The package whose controllers are mounted under the prefix. */
	String controllerPackage();

	default String prefix() {
		return "/" + name();
	}

	/** A module's refusal as this face reports it: its status, code names, texts and field names. */
	default ErrorReport report(Refusal refusal) {
		return ErrorReport.of(refusal);
	}

	/** The error body in this face's own shape. */
	Object errorBody(ErrorReport report);

	/**
	 * Whether a path also answers with a trailing slash ({@code /api/doctors/} as {@code /api/doctors}), as a contract
	 * written for Django's routes needs. Controllers map the path without it.
	 */
	default boolean trailingSlashOptional() {
		return false;
	}

	/** Rate-limit rules, most specific first; paths are relative to the prefix. Empty: no limits. */
	default List<RateLimitRule> rateLimits() {
		return List.of();
	}
}
