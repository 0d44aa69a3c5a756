package io.polyclinic.video.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Switches Google Meet on when its client id is set; otherwise the internal rooms serve alone. A blank value counts
 * as unset, so that an empty variable in a deployment template does not half-configure it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(GoogleMeetConfiguration.Configured.class)
@EnableConfigurationProperties(GoogleMeetProperties.class)
class GoogleMeetConfiguration {

	@Bean
	GoogleMeet googleMeet(GoogleMeetProperties settings, RestClient.Builder http, Clock clock) {
		settings.requireComplete();
		return new GoogleMeet(settings, http, clock);
	}

	static final class Configured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("polyclinic.google.client-id"));
		}
	}
}
