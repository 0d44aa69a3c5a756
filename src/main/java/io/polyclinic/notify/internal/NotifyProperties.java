package io.polyclinic.notify.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import io.polyclinic.platform.MissingConfiguration;

/**
 * The channel providers' settings, under {@code polyclinic.notify.*}. A provider whose key setting is blank is not
 * configured, and its channel falls back to the dev outbox (demo mode) or to "not configured".
 */
@ConfigurationProperties("polyclinic.notify")
public record NotifyProperties(@DefaultValue Twilio twilio, @DefaultValue Gallabox gallabox, @DefaultValue Smtp smtp) {

	/** SMS through Twilio's Messages API; {@code from} is a Twilio number in E.164 form. */
	public record Twilio(@Nullable String accountSid, @Nullable String authToken, @Nullable String from,
			@DefaultValue("https://api.twilio.com") String baseUrl) {
	}

	/** WhatsApp through Gallabox; {@code channelId} is the Gallabox WhatsApp channel that sends. */
	public record Gallabox(@Nullable String apiKey, @Nullable String apiSecret, @Nullable String channelId,
			@DefaultValue("https://server.gallabox.com") String baseUrl) {
	}

	/** Email through an SMTP server; port 465 means SMTP over TLS, any other port STARTTLS when offered. */
	public record Smtp(@Nullable String host, @DefaultValue("587") int port, @Nullable String username,
			@Nullable String password, @Nullable String from) {
	}

	static String require(@Nullable String value, String variable, String provider) {
		if (value == null || value.isBlank()) {
			throw new MissingConfiguration(provider + " is configured but " + variable + " is missing",
					"Set " + variable + ", or unset " + provider + "'s other settings to use the dev outbox (demo mode)");
		}
		return value.trim();
	}
}
