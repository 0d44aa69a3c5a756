package io.polyclinic.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

/**
 * Which provider gateways exist for which settings: none without keys (a blank key, as application.yml's empty
 * defaults give, counts as none), each one with its key, and a refusal to start when a key comes without the rest.
 */
class ChannelProvidersTests {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(ChannelProviders.class)
		.withBean(RestClient.Builder.class, RestClient::builder)
		.withPropertyValues("polyclinic.notify.twilio.account-sid=", "polyclinic.notify.gallabox.api-key=",
				"polyclinic.notify.smtp.host=");

	@Test
	void blankKeysMeanNoProviders() {
		context.run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(ChannelGateway.class));
	}

	@Test
	void eachKeySwitchesOnItsOwnProvider() {
		context
			.withPropertyValues("polyclinic.notify.twilio.account-sid=AC123", "polyclinic.notify.twilio.auth-token=t",
					"polyclinic.notify.twilio.from=+15005550006")
			.run(c -> assertThat(c).hasSingleBean(ChannelGateway.class).hasSingleBean(TwilioSmsGateway.class));
		context
			.withPropertyValues("polyclinic.notify.gallabox.api-key=k", "polyclinic.notify.gallabox.api-secret=s",
					"polyclinic.notify.gallabox.channel-id=c")
			.run(c -> assertThat(c).hasSingleBean(ChannelGateway.class).hasSingleBean(GallaboxWhatsAppGateway.class));
		context.withPropertyValues("polyclinic.notify.smtp.host=smtp.clinic.test", "polyclinic.notify.smtp.port=2525",
				"polyclinic.notify.smtp.from=no-reply@clinic.test")
			.run(c -> assertThat(c).hasSingleBean(ChannelGateway.class).hasSingleBean(SmtpEmailGateway.class));
	}

	@Test
	void allThreeTogether() {
		context
			.withPropertyValues("polyclinic.notify.twilio.account-sid=AC123", "polyclinic.notify.twilio.auth-token=t",
					"polyclinic.notify.twilio.from=+15005550006", "polyclinic.notify.gallabox.api-key=k",
					"polyclinic.notify.gallabox.api-secret=s", "polyclinic.notify.gallabox.channel-id=c",
					"polyclinic.notify.smtp.host=smtp.clinic.test", "polyclinic.notify.smtp.from=no-reply@clinic.test")
			.run(c -> assertThat(c.getBeansOfType(ChannelGateway.class).values())
				.extracting(ChannelGateway::provider)
				.containsExactlyInAnyOrder("twilio", "gallabox", "smtp"));
	}

	@Test
	void aKeyWithoutTheRestRefusesToStart() {
		context.withPropertyValues("polyclinic.notify.twilio.account-sid=AC123")
			.run(c -> assertThat(c).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("POLYCLINIC_TWILIO_AUTH_TOKEN"));
	}
}
