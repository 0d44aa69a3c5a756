package io.polyclinic.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and query strings, read strictly: a plain decimal, no sign, no leading zero, no
 * whitespace, in range. Spring's own reading accepts {@code 0x63}, {@code +99}, {@code 099} and {@code " 99"} as 99,
 * so that one object answers to many addresses (and caches, audit trails and rate limits see different ones). Anything
 * else fails conversion: a 400 in the face's shape naming the parameter. An empty value stays "no value", as before.
 * <p>
 * Both of Spring's ways are covered: a handler's arguments are bound through property editors (which Spring falls
 * back to, leniently, when a converter refuses), so the editors for {@code long}, {@code int} and their boxes are
 * replaced for every controller; the converters cover what the web conversion service converts by itself.
 */
@ControllerAdvice
class StrictNumbers {

	private static final Pattern PLAIN = Pattern.compile("0|[1-9][0-9]*");

	/** For the web layer only: the application's other conversions (configuration, JSON) are left as they are. */
	static void register(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, StrictNumbers::toLong);
		registry.addConverter(String.class, Integer.class, StrictNumbers::toInteger);
	}

	@InitBinder
	void strictNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Editor(StrictNumbers::toLong, false));
		binder.registerCustomEditor(Long.class, new Editor(StrictNumbers::toLong, true));
		binder.registerCustomEditor(int.class, new Editor(StrictNumbers::toInteger, false));
		binder.registerCustomEditor(Integer.class, new Editor(StrictNumbers::toInteger, true));
	}

	static @Nullable Long toLong(String value) {
		return value.isEmpty() ? null : Long.valueOf(plain(value));
	}

	static @Nullable Integer toInteger(String value) {
		return value.isEmpty() ? null : Integer.valueOf(plain(value));
	}

	/** @throws NumberFormatException when the value is not written plainly (and the caller's range check follows) */
	private static String plain(String value) {
		if (!PLAIN.matcher(value).matches()) {
			throw new NumberFormatException("Not a plain decimal number");
		}
		return value;
	}

	private static final class Editor extends PropertyEditorSupport {

		private final Function<String, @Nullable Number> read;
		private final boolean emptyIsNull;

		Editor(Function<String, @Nullable Number> read, boolean emptyIsNull) {
			this.read = read;
			this.emptyIsNull = emptyIsNull;
		}

		@Override
		public void setAsText(@Nullable String text) {
			if (text == null || text.isEmpty()) {
				if (!emptyIsNull) {
					throw new IllegalArgumentException("A number is required");
				}
				setValue(null);
				return;
			}
			setValue(read.apply(text));
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}
	}
}
