package io.polyclinic.billing.internal;

import java.math.BigDecimal;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing's settings, under {@code polyclinic.billing.*}. Razorpay is used when its key id and key secret are set,
 * Stripe when its secret key is; the offline provider beside them (demo mode, or secrets of its own), whose signatures
 * use the offline secrets below. {@code platformCommission} is the clinic's share of what its clinicians earn (payouts
 * and earnings pay them the rest).
 */
@ConfigurationProperties("polyclinic.billing")
public record BillingProperties(@DefaultValue("INR") String currency, @DefaultValue("24h") Duration linkTtl,
		@DefaultValue Razorpay razorpay, @DefaultValue Stripe stripe, @DefaultValue Offline offline,
		@DefaultValue("0.20") BigDecimal platformCommission) {

	/** The platform's share of what clinicians earn is a fraction from 0 to 1 (0.20: a fifth). */
	public BillingProperties {
		if (platformCommission.signum() < 0 || platformCommission.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException(
					"polyclinic.billing.platform-commission (POLYCLINIC_PLATFORM_COMMISSION) must be from 0 to 1, not "
							+ platformCommission);
		}
	}

	public static final String DEMO_OFFLINE_KEY_SECRET = "polyclinic-offline-demo-key-secret";
	public static final String DEMO_OFFLINE_WEBHOOK_SECRET = "polyclinic-offline-demo-webhook-secret";

	public record Razorpay(@Nullable String keyId, @Nullable String keySecret, @Nullable String webhookSecret,
			@DefaultValue("https://api.razorpay.com") String baseUrl, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("20s") Duration readTimeout) {

		public boolean configured() {
			return keyId != null && !keyId.isBlank() && keySecret != null && !keySecret.isBlank();
		}
	}

	/**
	 * Stripe, through stripe-java aimed at {@code baseUrl} (a stub in tests).
	 *
	 * @param webhookTolerance how old a webhook's signed timestamp may be (Stripe's own default: five minutes)
	 */
	public record Stripe(@Nullable String secretKey, @Nullable String webhookSecret,
			@DefaultValue("https://api.stripe.com") String baseUrl, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration readTimeout, @DefaultValue("300s") Duration webhookTolerance) {

		public boolean configured() {
			return secretKey != null && !secretKey.isBlank();
		}
	}

	public record Offline(@DefaultValue(DEMO_OFFLINE_KEY_SECRET) String keySecret,
			@DefaultValue(DEMO_OFFLINE_WEBHOOK_SECRET) String webhookSecret) {

		public boolean demoSecrets() {
			return DEMO_OFFLINE_KEY_SECRET.equals(keySecret) || DEMO_OFFLINE_WEBHOOK_SECRET.equals(webhookSecret);
		}
	}
}
