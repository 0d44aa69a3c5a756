package io.polyclinic.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Google Meet is switched on by its environment variables alone, and only by them: a small context of just its
 * configuration, with a made-up environment in place of the machine's.
 */
class GoogleMeetConfigurationTests {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(GoogleMeetConfiguration.class)
		.withBean(RestClient.Builder.class, RestClient::builder)
		.withBean(Clock.class, Clock::systemUTC);

	ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
		return context.withInitializer(c -> c.getEnvironment().getPropertySources().replace(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
	}

	@Test
	void withoutAClientIdThereIsNoGoogleMeet() {
		withEnvironment(Map.of()).run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(GoogleMeet.class));
		withEnvironment(Map.of("POLYCLINIC_GOOGLE_CLIENT_ID", " "))
			.run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(GoogleMeet.class));
	}

	@Test
	void theEnvironmentVariablesConfigureItWithGooglesEndpointsAndThePrimaryCalendarByDefault() {
		withEnvironment(Map.of("POLYCLINIC_GOOGLE_CLIENT_ID", "client-123", "POLYCLINIC_GOOGLE_CLIENT_SECRET", "secret",
				"POLYCLINIC_GOOGLE_REFRESH_TOKEN", "1//refresh")).run(c -> {
					assertThat(c).hasSingleBean(GoogleMeet.class);
					assertThat(c.getBean(GoogleMeet.class).name()).isEqualTo("google_meet");
					assertThat(c.getBean(GoogleMeetProperties.class)).isEqualTo(new GoogleMeetProperties("client-123",
							"secret", "1//refresh", "primary", "https://oauth2.googleapis.com/token",
							"https://www.googleapis.com/calendar/v3"));
				});
		withEnvironment(Map.of("POLYCLINIC_GOOGLE_CLIENT_ID", "client-123", "POLYCLINIC_GOOGLE_CLIENT_SECRET", "secret",
				"POLYCLINIC_GOOGLE_REFRESH_TOKEN", "1//refresh", "POLYCLINIC_GOOGLE_CALENDAR_ID", "clinic@example.com",
				"POLYCLINIC_GOOGLE_OAUTH_URL", "http://localhost:9999/token", "POLYCLINIC_GOOGLE_CALENDAR_URL",
				"http://localhost:9999/calendar/v3")).run(c -> assertThat(c.getBean(GoogleMeetProperties.class))
					.isEqualTo(new GoogleMeetProperties("client-123", "secret", "1//refresh", "clinic@example.com",
							"http://localhost:9999/token", "http://localhost:9999/calendar/v3")));
	}

	@Test
	void aClientIdWithoutItsRefreshTokenStopsTheStartWithTheMissingVariable() {
		withEnvironment(Map.of("POLYCLINIC_GOOGLE_CLIENT_ID", "client-123", "POLYCLINIC_GOOGLE_CLIENT_SECRET", "secret"))
			.run(c -> assertThat(c).hasFailed().getFailure().rootCause()
				.isInstanceOf(io.polyclinic.platform.MissingConfiguration.class)
				.hasMessageStartingWith("Google Meet is configured but POLYCLINIC_GOOGLE_REFRESH_TOKEN is missing"));
	}
}
