package io.polyclinic.notify.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import tools.jackson.databind.JsonNode;

/**
 * WhatsApp through Gallabox's developer API: {@code POST /devapi/messages/whatsapp} with the {@code apiKey} and
 * {@code apiSecret} headers and a text message for one recipient on the configured channel. The answer's {@code id}
 * is the provider reference.
 */
class GallaboxWhatsAppGateway implements ChannelGateway {

	private final RestClient http;
	private final String channelId;

	GallaboxWhatsAppGateway(RestClient.Builder builder, NotifyProperties.Gallabox settings) {
		String apiKey = NotifyProperties.require(settings.apiKey(), "POLYCLINIC_GALLABOX_API_KEY", "Gallabox");
		String apiSecret = NotifyProperties.require(settings.apiSecret(), "POLYCLINIC_GALLABOX_API_SECRET", "Gallabox");
		this.channelId = NotifyProperties.require(settings.channelId(), "POLYCLINIC_GALLABOX_CHANNEL_ID", "Gallabox");
		this.http = builder.baseUrl(settings.baseUrl())
			.requestFactory(ProviderHttp.requestFactory())
			.defaultHeaders(h -> {
				h.set("apiKey", apiKey);
				h.set("apiSecret", apiSecret);
			})
			.build();
	}

	@Override
	public Channel channel() {
		return Channel.WHATSAPP;
	}

	@Override
	public String provider() {
		return "gallabox";
	}

	@Override
	public @Nullable String send(Message message) throws DeliveryFailed {
		Outcome outcome;
		try {
			outcome = http.post()
				.uri("/devapi/messages/whatsapp")
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
				.body(request(message))
				.exchange((request, response) -> new Outcome(response.getStatusCode().value(),
						ProviderHttp.json(ProviderHttp.body(response))));
		}
		catch (RestClientException e) {
			throw new DeliveryFailed("Gallabox could not be reached: " + e.getMostSpecificCause().getMessage(), e);
		}
		if (outcome == null || outcome.status() / 100 != 2) {
			throw new DeliveryFailed(failure(outcome));
		}
		return ProviderHttp.text(outcome.body(), "id");
	}

	Map<String, Object> request(Message message) {
		// Gallabox wants the number as digits with the country code and no plus sign.
		String phone = message.to().replaceAll("\\D", "");
		String name = message.recipientName() == null || message.recipientName().isBlank() ? "+" + phone
				: message.recipientName().trim();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channelId", channelId);
		body.put("channelType", "whatsapp");
		body.put("recipient", Map.of("name", name, "phone", phone));
		body.put("whatsapp", Map.of("type", "text", "text", Map.of("body", message.body())));
		return body;
	}

	private static String failure(@Nullable Outcome outcome) {
		if (outcome == null) {
			return "Gallabox gave no answer";
		}
		String message = ProviderHttp.text(outcome.body(), "message");
		if (message == null) {
			message = ProviderHttp.text(outcome.body(), "error");
		}
		return "Gallabox refused the message (HTTP " + outcome.status() + "): "
				+ (message == null ? "no reason given" : message);
	}

	private record Outcome(int status, JsonNode body) {
	}
}
