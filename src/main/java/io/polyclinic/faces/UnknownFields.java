package io.polyclinic.faces;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Refuses a JSON property that a request record of a face declaring
 * {@code unknownProperties = REFUSE} does not know, as {@link UnrecognizedPropertyException} (which the web layer
 * reports as a 400 naming the field). Classes of other faces, and of no face, keep the framework's default.
 */
final class UnknownFields extends DeserializationProblemHandler {

	private final Map<Class<?>, Boolean> refusing = new ConcurrentHashMap<>();

	@Override
	public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
			ValueDeserializer<?> deserializer, @Nullable Object beanOrClass, String propertyName) {
		Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
		if (type != null && refusing.computeIfAbsent(type,
				t -> Conventions.of(t).unknownProperties() == FaceConventions.UnknownProperties.REFUSE)) {
			throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
					deserializer.getKnownPropertyNames());
		}
		return false;
	}
}
