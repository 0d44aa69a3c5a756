package io.polyclinic.billing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.polyclinic.platform.PolyclinicProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
public class BillingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

	@Bean
	PaymentGateway paymentGateway(BillingProperties billing, PolyclinicProperties platform) {
		return gatewayFor(billing, platform);
	}

	/**
	 * Razorpay when its keys are set; otherwise the offline provider. Outside demo mode the offline provider's demo
	 * secrets are refused: they are published with the source, and whoever knows them could mark any payment paid.
	 */
	public static PaymentGateway gatewayFor(BillingProperties billing, PolyclinicProperties platform) {
		BillingProperties.Razorpay razorpay = billing.razorpay();
		if (razorpay.configured()) {
			if (razorpay.webhookSecret() == null || razorpay.webhookSecret().isBlank()) {
				log.warn("POLYCLINIC_RAZORPAY_WEBHOOK_SECRET is not set: Razorpay webhooks will be refused");
			}
			log.info("Payments go through Razorpay at {}", razorpay.baseUrl());
			return new RazorpayGateway(razorpay);
		}
		if (!platform.demo() && billing.offline().demoSecrets()) {
			throw new IllegalStateException("Production mode (POLYCLINIC_DEMO=false) needs POLYCLINIC_RAZORPAY_KEY_ID and "
					+ "POLYCLINIC_RAZORPAY_KEY_SECRET, or offline payments with secrets of their own "
					+ "(POLYCLINIC_OFFLINE_PAYMENT_KEY_SECRET, POLYCLINIC_OFFLINE_PAYMENT_WEBHOOK_SECRET), not the demo ones");
		}
		return new OfflineGateway(billing.offline(), platform.publicBaseUrl());
	}
}
