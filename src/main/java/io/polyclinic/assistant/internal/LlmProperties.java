package io.polyclinic.assistant.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional OpenAI-compatible chat endpoint that answers the companion's ordinary questions, under
 * {@code polyclinic.llm.*}: configured when the base URL is set ({@code https://api.openai.com}, or a local server's
 * address; {@code /v1/chat/completions} is appended, or {@code /chat/completions} to a base that already ends in
 * {@code /v1}).
 */
@ConfigurationProperties("polyclinic.llm")
public record LlmProperties(@Nullable String baseUrl, @Nullable String apiKey, @DefaultValue("gpt-4o-mini") String model,
		@DefaultValue("20s") Duration timeout) {

	public boolean configured() {
		return baseUrl != null && !baseUrl.isBlank();
	}

	String completionsUrl() {
		String base = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
		return base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions";
	}
}
