package io.polyclinic.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own settings, under {@code polyclinic.*}.
 */
@ConfigurationProperties("polyclinic")
public record PolyclinicProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean demo,
		@Nullable String rootFace, @DefaultValue Jwt jwt, @DefaultValue Admin admin, @DefaultValue Otp otp,
		@DefaultValue("91") String defaultCountryCode, @DefaultValue("http://localhost:8080") String publicBaseUrl) {

	public static final String DEMO_JWT_SECRET = "polyclinic-demo-only-secret-never-use-in-production";

	public record Jwt(@DefaultValue(DEMO_JWT_SECRET) String secret, @DefaultValue("15m") Duration accessTokenTtl,
			@DefaultValue("7d") Duration refreshTokenTtl) {
	}

	public record Admin(@Nullable String email, @Nullable String password, @Nullable String phone) {
	}

	public record Otp(@DefaultValue("300s") Duration ttl, @DefaultValue("5") int maxAttempts) {
	}
}
