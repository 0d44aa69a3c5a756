package io.polyclinic.files;

import java.time.Instant;

/**
 * A download link of one stored file: absolute, signed, good until {@code expiresAt}.
 */
public record SignedUrl(String url, Instant expiresAt) {

	@Override
	public String toString() {
		return url;
	}
}
