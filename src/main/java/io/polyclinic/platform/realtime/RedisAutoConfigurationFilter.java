package io.polyclinic.platform.realtime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's Redis auto-configuration out unless Redis is configured ({@link RedisConfigured}). The Redis
 * client is on the class path for the multi-node fan-out, but Boot would otherwise make a connection factory for
 * localhost and a health check that reports the node down when no Redis runs there — a one-node installation needs
 * neither.
 */
public final class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final String REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(@Nullable String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean redis = environment != null && RedisConfigured.in(environment);
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < matches.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = redis || candidate == null || !candidate.startsWith(REDIS_AUTO_CONFIGURATION);
		}
		return matches;
	}
}
