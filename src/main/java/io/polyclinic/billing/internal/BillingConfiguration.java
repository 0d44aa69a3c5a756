package io.polyclinic.billing.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.polyclinic.platform.MissingConfiguration;
import io.polyclinic.platform.PolyclinicProperties;

/**
 * The payment providers: Razorpay when its keys are set, Stripe when its secret key is, the offline provider unless
 * production mode would run it with its published demo secrets, and any other {@link PaymentGateway} bean (a provider
 * added by its own configuration) — all at once, each under its name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
public class BillingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

	@Bean
	Gateways paymentGateways(BillingProperties billing, PolyclinicProperties platform,
			ObjectProvider<PaymentGateway> others, ObjectProvider<Clock> clock) {
		List<PaymentGateway> gateways = new ArrayList<>(configured(billing, platform,
				clock.getIfAvailable(Clock::systemUTC)));
		others.orderedStream().forEach(gateways::add);
		return new Gateways(gateways);
	}

	/**
	 * Razorpay when its keys are set, Stripe when its secret key is; the offline provider beside them in demo mode or
	 * with secrets of its own. Outside demo mode the offline provider's demo secrets are refused: they are published
	 * with the source, and whoever knows them could mark any payment paid — so production without Razorpay or Stripe
	 * and without those secrets cannot start. Only in demo mode does a bare confirm settle an offline payment.
	 */
	public static List<PaymentGateway> configured(BillingProperties billing, PolyclinicProperties platform) {
		return configured(billing, platform, Clock.systemUTC());
	}

	/** As {@link #configured(BillingProperties, PolyclinicProperties)}, Stripe's webhook timestamps read on this clock. */
	public static List<PaymentGateway> configured(BillingProperties billing, PolyclinicProperties platform,
			Clock clock) {
		List<PaymentGateway> gateways = new ArrayList<>();
		BillingProperties.Razorpay razorpay = billing.razorpay();
		if (razorpay.configured()) {
			if (razorpay.webhookSecret() == null || razorpay.webhookSecret().isBlank()) {
				log.warn("POLYCLINIC_RAZORPAY_WEBHOOK_SECRET is not set: Razorpay webhooks will be refused");
			}
			log.info("Payments can go through Razorpay at {}", razorpay.baseUrl());
			gateways.add(new RazorpayGateway(razorpay));
		}
		BillingProperties.Stripe stripe = billing.stripe();
		if (stripe.configured()) {
			if (stripe.webhookSecret() == null || stripe.webhookSecret().isBlank()) {
				log.warn("POLYCLINIC_STRIPE_WEBHOOK_SECRET is not set: Stripe webhooks will be refused");
			}
			log.info("Payments can go through Stripe at {}", stripe.baseUrl());
			gateways.add(new StripeGateway(stripe, clock));
		}
		if (platform.demo() || !billing.offline().demoSecrets()) {
			gateways.add(new OfflineGateway(billing.offline(), platform.publicBaseUrl(), platform.demo()));
		}
		else if (gateways.isEmpty()) {
			throw new MissingConfiguration("Production mode (POLYCLINIC_DEMO=false) has no payment provider: the offline "
					+ "provider's demo secrets are published with the source",
					"Set POLYCLINIC_RAZORPAY_KEY_ID and POLYCLINIC_RAZORPAY_KEY_SECRET, or POLYCLINIC_STRIPE_SECRET_KEY, "
							+ "or give the offline provider secrets of its own (POLYCLINIC_OFFLINE_PAYMENT_KEY_SECRET, "
							+ "POLYCLINIC_OFFLINE_PAYMENT_WEBHOOK_SECRET)");
		}
		return gateways;
	}
}
