package io.polyclinic.notify.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import tools.jackson.databind.JsonNode;

/**
 * SMS through Twilio's Messages resource: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded
 * {@code To}, {@code From}, {@code Body}, HTTP basic authentication with the account SID and auth token. The
 * message's {@code sid} is the provider reference.
 */
class TwilioSmsGateway implements ChannelGateway {

	private final RestClient http;
	private final String accountSid;
	private final String from;

	TwilioSmsGateway(RestClient.Builder builder, NotifyProperties.Twilio settings) {
		this.accountSid = NotifyProperties.require(settings.accountSid(), "POLYCLINIC_TWILIO_ACCOUNT_SID", "Twilio");
		String authToken = NotifyProperties.require(settings.authToken(), "POLYCLINIC_TWILIO_AUTH_TOKEN", "Twilio");
		this.from = NotifyProperties.require(settings.from(), "POLYCLINIC_TWILIO_FROM", "Twilio");
		this.http = builder.baseUrl(settings.baseUrl())
			.requestFactory(ProviderHttp.requestFactory())
			.defaultHeaders(h -> h.setBasicAuth(accountSid, authToken))
			.build();
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public String provider() {
		return "twilio";
	}

	@Override
	public @Nullable String send(Message message) throws DeliveryFailed {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", message.to());
		form.add("From", from);
		form.add("Body", message.body());
		Outcome outcome;
		try {
			outcome = http.post()
				.uri("/2010-04-01/Accounts/{accountSid}/Messages.json", accountSid)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
				.body(form)
				.exchange((request, response) -> new Outcome(response.getStatusCode().value(),
						ProviderHttp.json(ProviderHttp.body(response))));
		}
		catch (RestClientException e) {
			throw new DeliveryFailed("Twilio could not be reached: " + e.getMostSpecificCause().getMessage(), e);
		}
		if (outcome == null || outcome.status() / 100 != 2) {
			throw new DeliveryFailed(failure(outcome));
		}
		return ProviderHttp.text(outcome.body(), "sid");
	}

	/** Twilio's error answer: {@code {"code":21211,"message":"…","more_info":"…","status":400}}. */
	private static String failure(@Nullable Outcome outcome) {
		if (outcome == null) {
			return "Twilio gave no answer";
		}
		String message = ProviderHttp.text(outcome.body(), "message");
		String code = ProviderHttp.text(outcome.body(), "code");
		return "Twilio refused the message (HTTP " + outcome.status() + (code == null ? "" : ", error " + code) + "): "
				+ (message == null ? "no reason given" : message);
	}

	private record Outcome(int status, JsonNode body) {
	}
}
