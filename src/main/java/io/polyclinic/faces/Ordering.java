package io.polyclinic.faces;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;

/**
 * A list's order as a client asks for it ({@code ordering=-created_at}, DRF style: a leading {@code -} for
 * descending), checked against the keys a face allows and translated to the module's own order keys — never an
 * entity's property name.
 *
 * @param <K> the module's order keys
 */
public record Ordering<K>(K key, boolean descending) {

	/**
	 * @param allowed the face's names for the orders it offers, each with the module's key
	 * @param otherwise the order when the request names none
	 */
	public static <K> Ordering<K> parse(String parameter, @Nullable String value, Map<String, K> allowed,
			Ordering<K> otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		String v = value.trim();
		boolean descending = v.startsWith("-");
		K key = allowed.get(descending ? v.substring(1) : v);
		if (key == null) {
			throw Refusal.invalidField(parameter, "Must be one of " + allowed.keySet().stream().sorted()
				.collect(Collectors.joining(", ")) + ", optionally preceded by -");
		}
		return new Ordering<>(key, descending);
	}

	/**
	 * An order given as two parameters, a key and a direction ({@code sortBy=rating&sortOrder=asc}), as sos orders its
	 * lists.
	 *
	 * @param otherwise the order when the request names no key; its direction stands unless one is given
	 */
	public static <K> Ordering<K> parse(String keyParameter, @Nullable String key, String directionParameter,
			@Nullable String direction, Map<String, K> allowed, Ordering<K> otherwise) {
		K chosen = otherwise.key();
		if (key != null && !key.isBlank()) {
			chosen = allowed.get(key.trim());
			if (chosen == null) {
				throw Refusal.invalidField(keyParameter, "Must be one of " + allowed.keySet().stream().sorted()
					.collect(Collectors.joining(", ")));
			}
		}
		boolean descending = otherwise.descending();
		if (direction != null && !direction.isBlank()) {
			descending = switch (direction.trim().toLowerCase(java.util.Locale.ROOT)) {
				case "asc" -> false;
				case "desc" -> true;
				default -> throw Refusal.invalidField(directionParameter, "Must be asc or desc");
			};
		}
		return new Ordering<>(chosen, descending);
	}
}
