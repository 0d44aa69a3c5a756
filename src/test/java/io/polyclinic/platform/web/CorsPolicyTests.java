package io.polyclinic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.polyclinic.platform.MissingConfiguration;

class CorsPolicyTests {

	@Test
	void demoModeAnswersAnyOriginWithAWildcardNotAnEcho() {
		var cors = CorsPolicy.of(true, List.of(), false);

		assertThat(cors.checkOrigin("https://evil.example")).isEqualTo("*");
	}

	@Test
	void outsideDemoModeNoOriginIsAllowedByDefault() {
		var cors = CorsPolicy.of(false, List.of("", " "), false);

		assertThat(cors.checkOrigin("https://evil.example")).isNull();
	}

	@Test
	void listedOriginsAndPatternsOnly() {
		var cors = CorsPolicy.of(false, List.of("https://app.clinic.example", " https://*.partner.example"), true);

		assertThat(cors.checkOrigin("https://app.clinic.example")).isEqualTo("https://app.clinic.example");
		assertThat(cors.checkOrigin("https://eu.partner.example")).isEqualTo("https://eu.partner.example");
		assertThat(cors.checkOrigin("https://app.clinic.example.evil.example")).isNull();
		assertThat(cors.checkOrigin("http://app.clinic.example")).isNull();
		assertThat(cors.getAllowCredentials()).isTrue();
	}

	@Test
	void listedOriginsReplaceTheDemoWildcard() {
		var cors = CorsPolicy.of(true, List.of("https://app.clinic.example"), false);

		assertThat(cors.checkOrigin("https://evil.example")).isNull();
	}

	@Test
	void aWildcardWithCredentialsIsRefused() {
		assertThatThrownBy(() -> CorsPolicy.of(false, List.of("*"), true)).isInstanceOf(MissingConfiguration.class)
			.hasMessageContaining("POLYCLINIC_CORS_ORIGINS");
		assertThatThrownBy(() -> CorsPolicy.of(true, List.of(), true)).isInstanceOf(MissingConfiguration.class);
	}

	@Test
	void anExplicitWildcardWithoutCredentialsIsTheOperatorsChoice() {
		assertThat(CorsPolicy.of(false, List.of("*"), false).checkOrigin("https://any.example")).isEqualTo("*");
	}
}
