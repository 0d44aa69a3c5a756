package io.polyclinic.scheduling.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An appointment's symptoms as one JSON array of strings: a list that is read and written whole. */
@Converter
class SymptomsColumn implements AttributeConverter<List<String>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<String>> LIST = new TypeReference<>() {
	};

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable List<String> symptoms) {
		return symptoms == null || symptoms.isEmpty() ? null : JSON.writeValueAsString(symptoms);
	}

	@Override
	public List<String> convertToEntityAttribute(@Nullable String column) {
		return read(column);
	}

	static List<String> read(@Nullable String column) {
		return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, LIST));
	}
}
