package io.polyclinic.notify.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;

/**
 * The SMS gateway against a stub of Twilio's Messages API: the request is the one Twilio documents, the answer's sid
 * becomes the reference, and a refusal carries Twilio's own reason.
 */
class TwilioSmsGatewayTests {

	static final String SID = "AC0123456789abcdef0123456789abcdef";
	static final String TOKEN = "twilio-auth-token";
	static final String PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	TwilioSmsGateway gateway() {
		return new TwilioSmsGateway(RestClient.builder(),
				new NotifyProperties.Twilio(SID, TOKEN, "+15005550006", twilio.baseUrl()));
	}

	static Message sms(String body) {
		return new Message(Channel.SMS, "+919812345678", null, body, MessageKind.APPOINTMENT_REMINDER, 7L, 11L, false);
	}

	@Test
	void postsTheDocumentedFormWithBasicAuthAndReturnsTheSid() throws Exception {
		twilio.stubFor(post(PATH).willReturn(okJson("""
				{"sid":"SM1234567890abcdef1234567890abcdef","status":"queued","to":"+919812345678"}""").withStatus(201)));

		String ref = gateway().send(sms("Your appointment is tomorrow at 10:00 — see you & take care"));

		assertThat(ref).isEqualTo("SM1234567890abcdef1234567890abcdef");
		twilio.verify(1, postRequestedFor(urlEqualTo(PATH))
			.withBasicAuth(new BasicCredentials(SID, TOKEN))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("To", equalTo("+919812345678"))
			.withFormParam("From", equalTo("+15005550006"))
			.withFormParam("Body", equalTo("Your appointment is tomorrow at 10:00 — see you & take care")));
	}

	@Test
	void aRefusalCarriesTwiliosErrorMessage() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
			.withBody("""
					{"code":21211,"message":"The 'To' number +919812345678 is not a valid phone number.",
					 "more_info":"https://www.twilio.com/docs/errors/21211","status":400}""")));

		assertThatThrownBy(() -> gateway().send(sms("Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageContaining("The 'To' number +919812345678 is not a valid phone number.")
			.hasMessageContaining("21211")
			.hasMessageContaining("HTTP 400");
	}

	@Test
	void wrongCredentialsAreAFailureNotAnException() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}")));

		assertThatThrownBy(() -> gateway().send(sms("Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageContaining("Authenticate")
			.hasMessageContaining("HTTP 401");
	}

	@Test
	void anAnswerThatIsNotJsonStillFailsCleanly() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

		assertThatThrownBy(() -> gateway().send(sms("Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageContaining("HTTP 502");
	}

	@Test
	void anUnreachableTwilioIsAFailure() {
		var gateway = new TwilioSmsGateway(RestClient.builder(),
				new NotifyProperties.Twilio(SID, TOKEN, "+15005550006", "http://127.0.0.1:1"));

		assertThatThrownBy(() -> gateway.send(sms("Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageStartingWith("Twilio could not be reached");
	}

	@Test
	void aMissingSettingRefusesToStart() {
		assertThatThrownBy(() -> new TwilioSmsGateway(RestClient.builder(),
				new NotifyProperties.Twilio(SID, " ", "+15005550006", "https://api.twilio.com")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("POLYCLINIC_TWILIO_AUTH_TOKEN");
	}
}
