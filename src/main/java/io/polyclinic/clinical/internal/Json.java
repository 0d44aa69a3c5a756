package io.polyclinic.clinical.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON texts clinical keeps in its columns: lists of strings, written and read back. */
final class Json {

	private Json() {
	}

	static String array(List<String> values) {
		return JsonMapper.shared().writeValueAsString(values);
	}

	static List<String> strings(String json) {
		JsonNode node = JsonMapper.shared().readTree(json);
		List<String> values = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach(value -> values.add(value.asString()));
		}
		return values;
	}
}
