package io.polyclinic.faces;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedParameter;

/**
 * Names JSON properties as the face that declares a record wants them: camelCase (Mibo, DiabCare) or snake_case (sos,
 * hcp, Clinico), read from the {@link FaceConventions} of the record's package. One application mapper serves every
 * face; a record's own {@code @JsonProperty} names are left as they are (sos's {@code totalPages}, {@code paymentId}).
 */
final class FaceNaming extends PropertyNamingStrategy {

	private static final PropertyNamingStrategy SNAKE_CASE = PropertyNamingStrategies.SNAKE_CASE;

	private final Map<Class<?>, Boolean> snake = new ConcurrentHashMap<>();

	@Override
	public String nameForField(MapperConfig<?> config, AnnotatedField field, String defaultName) {
		return snake(field) ? SNAKE_CASE.nameForField(config, field, defaultName) : defaultName;
	}

	@Override
	public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
		return snake(method) ? SNAKE_CASE.nameForGetterMethod(config, method, defaultName) : defaultName;
	}

	@Override
	public String nameForSetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
		return snake(method) ? SNAKE_CASE.nameForSetterMethod(config, method, defaultName) : defaultName;
	}

	@Override
	public String nameForConstructorParameter(MapperConfig<?> config, AnnotatedParameter parameter,
			String defaultName) {
		return snake(parameter) ? SNAKE_CASE.nameForConstructorParameter(config, parameter, defaultName) : defaultName;
	}

	private boolean snake(AnnotatedMember member) {
		return snake.computeIfAbsent(member.getDeclaringClass(),
				type -> Conventions.of(type).naming() == FaceConventions.Naming.SNAKE_CASE);
	}
}
