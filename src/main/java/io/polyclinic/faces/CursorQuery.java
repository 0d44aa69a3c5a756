package io.polyclinic.faces;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;

/**
 * A cursor page ({@code ?limit=50&before=…}): at most {@code limit} entries older than the one the caller already
 * holds, the newest first. Chat and message histories page so, since a numbered page would shift as new entries arrive.
 * Read from the face's own parameters (see {@link FaceConventions#cursorParameter()}), checked once; what the cursor
 * names (an id or an instant) is the contract's, read with {@link #beforeId()} or {@link #beforeInstant()}.
 *
 * @param limit how many entries, from 1 to the face's largest page
 * @param before the cursor as the client sent it; null for the newest page
 * @param parameter the cursor's parameter name, to name it in a refusal
 */
public record CursorQuery(int limit, @Nullable String before, String parameter) {

	/** The entry the cursor names by id (numeric or UUID), or null for the newest page. */
	public @Nullable Ref beforeId() {
		return before == null ? null : Ids.ref(parameter, before);
	}

	/** The instant the cursor names (ISO-8601), or null for the newest page. */
	public @Nullable Instant beforeInstant() {
		if (before == null) {
			return null;
		}
		try {
			return Instant.parse(before);
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(parameter, "Must be an ISO-8601 instant, e.g. 2024-03-15T10:00:00Z");
		}
	}

	/** One more than the page: a module that reads it knows whether an older page exists without counting. */
	public int probe() {
		return limit + 1;
	}
}
