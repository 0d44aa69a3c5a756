package io.polyclinic.notify.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;

/**
 * The WhatsApp gateway against a stub of Gallabox's developer API: the documented headers and JSON body, the
 * answer's id as the reference, Gallabox's reason on a refusal.
 */
class GallaboxWhatsAppGatewayTests {

	static final String PATH = "/devapi/messages/whatsapp";

	@RegisterExtension
	static WireMockExtension gallabox = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	GallaboxWhatsAppGateway gateway() {
		return new GallaboxWhatsAppGateway(RestClient.builder(),
				new NotifyProperties.Gallabox("gb-key", "gb-secret", "629e0b6c3d6ad600044197a0", gallabox.baseUrl()));
	}

	static Message whatsapp(String body) {
		return new Message(Channel.WHATSAPP, "+919812345678", "Your appointment", body,
				MessageKind.APPOINTMENT_CONFIRMATION, 7L, 11L, false);
	}

	@Test
	void postsTheDocumentedTextMessageAndReturnsTheId() throws Exception {
		gallabox.stubFor(post(PATH).willReturn(okJson("""
				{"id":"66f1a2b3c4d5e6f708192a3b","status":"ACCEPTED","message":"Message received successfully"}""")
			.withStatus(202)));

		String ref = gateway().send(whatsapp("Hello Asha, your appointment is confirmed.").named("Asha Rao"));

		assertThat(ref).isEqualTo("66f1a2b3c4d5e6f708192a3b");
		gallabox.verify(1, postRequestedFor(urlEqualTo(PATH))
			.withHeader("apiKey", equalTo("gb-key"))
			.withHeader("apiSecret", equalTo("gb-secret"))
			.withHeader("Content-Type", containing("application/json"))
			.withRequestBody(equalToJson("""
					{"channelId":"629e0b6c3d6ad600044197a0",
					 "channelType":"whatsapp",
					 "recipient":{"name":"Asha Rao","phone":"919812345678"},
					 "whatsapp":{"type":"text","text":{"body":"Hello Asha, your appointment is confirmed."}}}""")));
	}

	@Test
	void withoutANameTheRecipientIsFiledUnderTheirNumber() throws Exception {
		gallabox.stubFor(post(PATH).willReturn(okJson("{\"id\":\"abc\",\"status\":\"ACCEPTED\"}")));

		gateway().send(whatsapp("Hello"));

		gallabox.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"recipient":{"name":"+919812345678","phone":"919812345678"}}""", true, true)));
	}

	@Test
	void aRefusalCarriesGallaboxsMessage() {
		gallabox.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
			.withBody("{\"statusCode\":400,\"message\":\"Invalid channelId\"}")));

		assertThatThrownBy(() -> gateway().send(whatsapp("Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageContaining("Invalid channelId")
			.hasMessageContaining("HTTP 400");
	}

	@Test
	void wrongKeysAreAFailureEvenWithoutABody() {
		gallabox.stubFor(post(PATH).willReturn(aResponse().withStatus(401)));

		assertThatThrownBy(() -> gateway().send(whatsapp("Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageContaining("HTTP 401");
	}

	@Test
	void anUnreachableGallaboxIsAFailure() {
		var gateway = new GallaboxWhatsAppGateway(RestClient.builder(),
				new NotifyProperties.Gallabox("gb-key", "gb-secret", "channel", "http://127.0.0.1:1"));

		assertThatThrownBy(() -> gateway.send(whatsapp("Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageStartingWith("Gallabox could not be reached");
	}

	@Test
	void aMissingChannelRefusesToStart() {
		assertThatThrownBy(() -> new GallaboxWhatsAppGateway(RestClient.builder(),
				new NotifyProperties.Gallabox("gb-key", "gb-secret", null, "https://server.gallabox.com")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("POLYCLINIC_GALLABOX_CHANNEL_ID");
	}
}
