package io.polyclinic.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.polyclinic.platform.PolyclinicProperties;

/** Which provider the configuration chooses, and what production mode refuses. */
class BillingConfigurationTests {

	@EnableConfigurationProperties(PolyclinicProperties.class)
	static class Platform {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Platform.class, BillingConfiguration.class);

	@Test
	void offlineByDefault() {
		runner.run(context -> {
			PaymentGateway gateway = context.getBean(PaymentGateway.class);
			assertThat(gateway).isInstanceOf(OfflineGateway.class);
			assertThat(gateway.name()).isEqualTo("offline");
			assertThat(gateway.keyId()).isEqualTo("rzp_test_offline");
		});
	}

	@Test
	void razorpayWhenItsKeysAreSet() {
		runner.withPropertyValues("polyclinic.billing.razorpay.key-id=rzp_test_abc",
				"polyclinic.billing.razorpay.key-secret=secret", "polyclinic.billing.razorpay.base-url=http://localhost:1")
			.run(context -> {
				PaymentGateway gateway = context.getBean(PaymentGateway.class);
				assertThat(gateway).isInstanceOf(RazorpayGateway.class);
				assertThat(gateway.keyId()).isEqualTo("rzp_test_abc");
			});
	}

	@Test
	void aKeyIdAloneIsNotEnough() {
		runner.withPropertyValues("polyclinic.billing.razorpay.key-id=rzp_test_abc")
			.run(context -> assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(OfflineGateway.class));
	}

	@Test
	void productionRefusesTheOfflineDemoSecrets() {
		runner.withPropertyValues("polyclinic.demo=false").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("POLYCLINIC_RAZORPAY_KEY_ID");
		});
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.billing.offline.key-secret=own-key-secret",
				"polyclinic.billing.offline.webhook-secret=own-webhook-secret")
			.run(context -> assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(OfflineGateway.class));
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.billing.razorpay.key-id=rzp_live_abc",
				"polyclinic.billing.razorpay.key-secret=secret")
			.run(context -> assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(RazorpayGateway.class));
	}

	@Test
	void theRazorpayAdapterNeedsBothKeys() {
		assertThatThrownBy(() -> new RazorpayGateway(new BillingProperties.Razorpay("rzp_test_abc", " ", null,
				"https://api.razorpay.com", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
