package io.polyclinic.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolyclinicProperties.class)
@EnableScheduling
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Outside demo mode the application refuses to start on a default or short signing secret. */
	@Bean
	ProductionGuard productionGuard(PolyclinicProperties properties) {
		if (!properties.demo()) {
			String secret = properties.jwt().secret();
			if (PolyclinicProperties.DEMO_JWT_SECRET.equals(secret) || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
				throw new MissingConfiguration("Production mode (POLYCLINIC_DEMO=false) needs a secret of its own to sign "
						+ "access tokens", "Set POLYCLINIC_JWT_SECRET to at least 32 random bytes, not the demo default "
								+ "(for example: export POLYCLINIC_JWT_SECRET=\"$(openssl rand -base64 48)\")");
			}
		}
		return new ProductionGuard();
	}

	static final class ProductionGuard {
	}
}
