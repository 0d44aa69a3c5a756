package io.polyclinic.identity;

import java.time.Duration;

import io.polyclinic.platform.Refusal;

/**
 * A destination has been sent as many one-time codes as its windows allow (SMS pumping is paid per message): kind
 * UNAVAILABLE, code {@code TOO_MANY_CODES}, with how long until the next code may be sent, for faces that tell.
 */
public final class TooManyCodes extends Refusal {

	public static final String CODE = "TOO_MANY_CODES";

	private final Duration retryAfter;

	TooManyCodes(Duration retryAfter) {
		super(Kind.UNAVAILABLE, CODE, "Too many codes were sent to this number. Please try again later.");
		this.retryAfter = retryAfter;
	}

	/** How long until the oldest code counted leaves its window; at least a second. */
	public Duration retryAfter() {
		return retryAfter;
	}
}
