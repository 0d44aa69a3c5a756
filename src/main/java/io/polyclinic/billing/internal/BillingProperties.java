package io.polyclinic.billing.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing's settings, under {@code polyclinic.billing.*}. Razorpay is used when its key id and key secret are set;
 * otherwise the offline provider, whose signatures use the offline secrets below.
 */
@ConfigurationProperties("polyclinic.billing")
public record BillingProperties(@DefaultValue("INR") String currency, @DefaultValue("24h") Duration linkTtl,
		@DefaultValue Razorpay razorpay, @DefaultValue Offline offline) {

	public static final String DEMO_OFFLINE_KEY_SECRET = "polyclinic-offline-demo-key-secret";
	public static final String DEMO_OFFLINE_WEBHOOK_SECRET = "polyclinic-offline-demo-webhook-secret";

	public record Razorpay(@Nullable String keyId, @Nullable String keySecret, @Nullable String webhookSecret,
			@DefaultValue("https://api.razorpay.com") String baseUrl, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("20s") Duration readTimeout) {

		public boolean configured() {
			return keyId != null && !keyId.isBlank() && keySecret != null && !keySecret.isBlank();
		}
	}

	public record Offline(@DefaultValue(DEMO_OFFLINE_KEY_SECRET) String keySecret,
			@DefaultValue(DEMO_OFFLINE_WEBHOOK_SECRET) String webhookSecret) {

		public boolean demoSecrets() {
			return DEMO_OFFLINE_KEY_SECRET.equals(keySecret) || DEMO_OFFLINE_WEBHOOK_SECRET.equals(webhookSecret);
		}
	}
}
