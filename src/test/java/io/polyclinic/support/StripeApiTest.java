package io.polyclinic.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An HTTP-level test of the application with Stripe configured, aimed at {@link StripeStub}; the offline provider is
 * there beside it (demo mode). Every subclass shares one application context.
 */
@TestPropertySource(properties = { "polyclinic.billing.stripe.secret-key=" + StripeStub.SECRET_KEY,
		"polyclinic.billing.stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET })
public abstract class StripeApiTest extends ApiTest {

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("polyclinic.billing.stripe.base-url", StripeStub::baseUrl);
	}

	@BeforeEach
	void resetStripe() {
		StripeStub.server().resetAll();
	}
}
