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
			Gateways gateways = context.getBean(Gateways.class);
			assertThat(gateways.names()).containsExactly("offline");
			assertThat(gateways.get("offline")).isInstanceOf(OfflineGateway.class);
			assertThat(gateways.get("offline").keyId()).isEqualTo("rzp_test_offline");
		});
	}

	@Test
	void razorpayBesideTheOfflineProviderWhenItsKeysAreSet() {
		runner.withPropertyValues("polyclinic.billing.razorpay.key-id=rzp_test_abc",
				"polyclinic.billing.razorpay.key-secret=secret", "polyclinic.billing.razorpay.base-url=http://localhost:1")
			.run(context -> {
				Gateways gateways = context.getBean(Gateways.class);
				assertThat(gateways.names()).containsExactly("razorpay", "offline");
				assertThat(gateways.get("razorpay")).isInstanceOf(RazorpayGateway.class);
				assertThat(gateways.get("razorpay").keyId()).isEqualTo("rzp_test_abc");
			});
	}

	@Test
	void stripeBesideTheOfflineProviderWhenItsSecretKeyIsSet() {
		runner.withPropertyValues("polyclinic.billing.stripe.secret-key=sk_test_abc",
				"polyclinic.billing.stripe.base-url=http://localhost:1")
			.run(context -> {
				Gateways gateways = context.getBean(Gateways.class);
				assertThat(gateways.names()).containsExactly("stripe", "offline");
				assertThat(gateways.get("stripe")).isInstanceOf(StripeGateway.class);
			});
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.billing.stripe.secret-key=sk_live_abc")
			.run(context -> assertThat(context.getBean(Gateways.class).names()).containsExactly("stripe"));
	}

	@Test
	void onlyTheDemoOfflineProviderSettlesByABareConfirm() {
		var request = new PaymentGateway.ConfirmRequest(null, null, null);
		assertThat(new OfflineGateway(new BillingProperties.Offline("k", "w"), "http://localhost", true)
			.confirm("order_1", request).outcome()).isEqualTo(PaymentGateway.Confirmation.Outcome.SUCCEEDED);
		assertThatThrownBy(() -> new OfflineGateway(new BillingProperties.Offline("k", "w"), "http://localhost", false)
			.confirm("order_1", request)).isInstanceOf(io.polyclinic.platform.Refusal.class);
	}

	@Test
	void aKeyIdAloneIsNotEnough() {
		runner.withPropertyValues("polyclinic.billing.razorpay.key-id=rzp_test_abc")
			.run(context -> assertThat(context.getBean(Gateways.class).names()).containsExactly("offline"));
	}

	@Test
	void anotherProvidersGatewayBeanJoinsTheConfiguredOnes() {
		runner.withBean("stripeLike", PaymentGateway.class,
				() -> new OfflineGateway(new BillingProperties.Offline("k", "w"), "http://localhost") {
					@Override
					public String name() {
						return "stripe";
					}
				})
			.run(context -> assertThat(context.getBean(Gateways.class).names()).containsExactly("offline", "stripe"));
	}

	@Test
	void productionRefusesTheOfflineDemoSecrets() {
		runner.withPropertyValues("polyclinic.demo=false").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("POLYCLINIC_RAZORPAY_KEY_ID");
		});
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.billing.offline.key-secret=own-key-secret",
				"polyclinic.billing.offline.webhook-secret=own-webhook-secret")
			.run(context -> assertThat(context.getBean(Gateways.class).names()).containsExactly("offline"));
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.billing.razorpay.key-id=rzp_live_abc",
				"polyclinic.billing.razorpay.key-secret=secret")
			.run(context -> assertThat(context.getBean(Gateways.class).names()).containsExactly("razorpay"));
	}

	@Test
	void theRazorpayAdapterNeedsBothKeys() {
		assertThatThrownBy(() -> new RazorpayGateway(new BillingProperties.Razorpay("rzp_test_abc", " ", null,
				"https://api.razorpay.com", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
