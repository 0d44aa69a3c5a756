package io.polyclinic.assistant.internal;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ordinary questions answered by an OpenAI-compatible chat completions endpoint, when one is configured
 * ({@link LlmProperties}). It is asked only after the crisis detector found no crisis, and its answer never decides one.
 * Any failure — not configured, unreachable, an error status, an answer without text — answers null, and the built-in
 * triage engine answers instead.
 */
@Component
@EnableConfigurationProperties(LlmProperties.class)
public class LlmAnswers {

	private static final Logger log = LoggerFactory.getLogger(LlmAnswers.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	static final String SYSTEM = "You are the care companion of a telehealth clinic. Answer the patient's health"
			+ " question briefly, in plain words and in the language they wrote in. Give general, safe self-care"
			+ " guidance and say when to see a doctor; do not diagnose and do not prescribe. If anything suggests an"
			+ " emergency, tell them to call their local emergency number (India 112/108, US 911, UK 999, EU 112).";

	private final LlmProperties properties;
	private final @Nullable RestClient http;

	LlmAnswers(LlmProperties properties) {
		this.properties = properties;
		if (properties.configured()) {
			var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(properties.timeout()).build();
			var factory = new JdkClientHttpRequestFactory(client);
			factory.setReadTimeout(properties.timeout());
			this.http = RestClient.builder().requestFactory(factory).build();
		}
		else {
			this.http = null;
		}
	}

	public boolean configured() {
		return http != null;
	}

	/** The model's answer to the question, or null when there is none to be had. */
	public @Nullable String answer(String question) {
		if (http == null) {
			return null;
		}
		try {
			Map<String, Object> body = Map.of("model", properties.model(), "temperature", 0.2, "messages",
					List.of(Map.of("role", "system", "content", SYSTEM), Map.of("role", "user", "content", question)));
			var request = http.post()
				.uri(properties.completionsUrl())
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON);
			if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
				request = request.header("Authorization", "Bearer " + properties.apiKey().strip());
			}
			String answer = request.body(JSON.writeValueAsString(body)).retrieve().body(String.class);
			JsonNode content = JSON.readTree(answer == null ? "{}" : answer)
				.path("choices").path(0).path("message").path("content");
			String text = content.isString() ? content.asString().strip() : "";
			return text.isEmpty() ? null : text;
		}
		catch (RuntimeException e) {
			log.warn("The LLM did not answer ({}); the built-in triage engine answers instead", e.toString());
			return null;
		}
	}
}
