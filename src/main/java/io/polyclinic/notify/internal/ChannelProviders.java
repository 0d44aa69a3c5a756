package io.polyclinic.notify.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The real channel providers, each switched on by its key setting; a channel without one is served by the dev outbox
 * in demo mode (see {@link ChannelGateways}). A provider switched on with a setting missing refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class ChannelProviders {

	@Bean
	@ConditionalOnSetting("polyclinic.notify.twilio.account-sid")
	ChannelGateway twilioSms(RestClient.Builder http, NotifyProperties properties) {
		return new TwilioSmsGateway(http, properties.twilio());
	}

	@Bean
	@ConditionalOnSetting("polyclinic.notify.gallabox.api-key")
	ChannelGateway gallaboxWhatsApp(RestClient.Builder http, NotifyProperties properties) {
		return new GallaboxWhatsAppGateway(http, properties.gallabox());
	}

	@Bean
	@ConditionalOnSetting("polyclinic.notify.smtp.host")
	ChannelGateway smtpEmail(NotifyProperties properties) {
		return new SmtpEmailGateway(properties.smtp());
	}
}
