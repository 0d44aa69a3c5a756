package io.polyclinic.platform;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How a caller names a row of the clinic: by its numeric id (faces whose contracts show integers) or by its public
 * UUID (faces that show UUIDs or opaque strings). Every module method a face needs accepts either.
 */
public record Ref(@Nullable Long id, @Nullable UUID publicId) {

	public Ref {
		if ((id == null) == (publicId == null)) {
			throw new IllegalArgumentException("A reference is either a numeric id or a public id");
		}
	}

	public static Ref id(long id) {
		return new Ref(id, null);
	}

	public static Ref of(UUID publicId) {
		return new Ref(null, publicId);
	}

	/**
	 * Reads a reference as a client wrote it: a UUID, or a positive decimal id written plainly (no sign, no leading
	 * zero, no hex, no spaces), at most 18 digits. Anything else is no reference.
	 */
	public static Optional<Ref> parse(@Nullable String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value;
		if (v.matches("[1-9][0-9]{0,17}")) {
			return Optional.of(id(Long.parseLong(v)));
		}
		if (v.length() == 36 && v.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			return Optional.of(of(UUID.fromString(v)));
		}
		return Optional.empty();
	}

	public boolean numeric() {
		return id != null;
	}

	@Override
	public String toString() {
		return id != null ? String.valueOf(id) : String.valueOf(publicId);
	}
}
