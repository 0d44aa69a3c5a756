package io.polyclinic.faces;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;

/**
 * Ids as clients write them: a plain positive decimal (faces with integer ids) or a UUID (faces with opaque ids),
 * parsed strictly — {@code 0x63}, {@code +99}, {@code 099} are no ids.
 */
public final class Ids {

	private Ids() {
	}

	/** An id of either kind. */
	public static Ref ref(String field, @Nullable String value) {
		return Ref.parse(value).orElseThrow(() -> Refusal.invalidField(field, "Must be an id"));
	}

	/** A numeric id only. */
	public static long number(String field, @Nullable String value) {
		Ref ref = ref(field, value);
		if (ref.id() == null) {
			throw Refusal.invalidField(field, "Must be a numeric id");
		}
		return ref.id();
	}

	/** A UUID only. */
	public static Ref uuid(String field, @Nullable String value) {
		Ref ref = ref(field, value);
		if (ref.publicId() == null) {
			throw Refusal.invalidField(field, "Must be a UUID");
		}
		return ref;
	}
}
