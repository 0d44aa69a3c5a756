package io.polyclinic.video.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import io.polyclinic.platform.Refusal;
import io.polyclinic.video.MeetingRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google Meet links through Google's documented HTTP APIs: each meeting is an event on the configured calendar with a
 * Meet conference attached ({@code events.insert} with {@code conferenceDataVersion=1}); cancelling deletes the
 * event. Calls are made with an access token obtained from the stored refresh token and kept until shortly before it
 * expires. Any failure at Google is a 502 MEETING_PROVIDER_FAILED: the caller may try again, nothing half-made stays.
 */
public class GoogleMeet implements MeetingProvider {

	static final String NAME = "google_meet";

	private static final Logger log = LoggerFactory.getLogger(GoogleMeet.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** A token is renewed this long before Google says it expires, so that no call goes out with a dying one. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
	/** Google may attach the conference a moment after creating the event; it is read again this many times. */
	private static final int CONFERENCE_READS = 3;

	private final RestClient http;
	private final GoogleMeetProperties settings;
	private final Clock clock;
	private final Duration conferencePause;

	private @Nullable String accessToken;
	private Instant accessTokenRenewal = Instant.MIN;

	public GoogleMeet(GoogleMeetProperties settings, RestClient.Builder http, Clock clock) {
		this(settings, http, clock, Duration.ofSeconds(1));
	}

	GoogleMeet(GoogleMeetProperties settings, RestClient.Builder http, Clock clock, Duration conferencePause) {
		this.settings = settings;
		this.clock = clock;
		this.conferencePause = conferencePause;
		// HTTP/1.1: the JDK client would otherwise offer a cleartext HTTP/2 upgrade to plain-http endpoints (stubs).
		var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		var requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(Duration.ofSeconds(15));
		this.http = http.clone().requestFactory(requests).build();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Created create(MeetingRequest request) {
		Map<String, Object> event = new LinkedHashMap<>();
		String summary = request.summary();
		event.put("summary", summary == null || summary.isBlank() ? "Consultation" : summary);
		event.put("start", Map.of("dateTime", request.startsAt().toString()));
		event.put("end", Map.of("dateTime", request.endsAt().toString()));
		// requestId makes the conference request idempotent at Google; a new one for every new meeting
		event.put("conferenceData", Map.of("createRequest", Map.of("requestId", UUID.randomUUID().toString(),
				"conferenceSolutionKey", Map.of("type", "hangoutsMeet"))));
		URI uri = UriComponentsBuilder.fromUriString(settings.calendarUrl()).path("/calendars/{calendarId}/events")
			.queryParam("conferenceDataVersion", 1).encode().buildAndExpand(settings.calendarId()).toUri();

		JsonNode created = calendar("create the event", false,
				token -> http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(event)).retrieve()
					.body(String.class));
		String eventId = text(created, "id");
		if (eventId == null) {
			throw failed("Google Calendar answered without an event id", false);
		}
		String link = meetLink(created);
		for (int read = 0; link == null && pending(created) && read < CONFERENCE_READS; read++) {
			pause();
			created = calendar("read the event", false, token -> http.get().uri(eventUri(eventId, true))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(String.class));
			link = meetLink(created);
		}
		if (link == null) {
			String status = created.path("conferenceData").path("createRequest").path("status").path("statusCode")
				.asString("none");
			try {
				cancel(eventId);
			}
			catch (Refusal e) {
				log.warn("Google Meet: event {} has no conference and could not be deleted", eventId);
			}
			throw failed("Google Calendar created event " + eventId + " without a Meet link (conference status "
					+ status + ")", false);
		}
		return new Created(link, eventId);
	}

	/** Deletes the event; one that is already gone (404, 410) is what was wanted. */
	@Override
	public void cancel(@Nullable String eventId) {
		if (eventId == null || eventId.isBlank()) {
			return;
		}
		try {
			calendar("delete the event", true, token -> {
				http.delete().uri(eventUri(eventId, false)).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.retrieve().toBodilessEntity();
				return "";
			});
		}
		catch (GoneAtGoogle e) {
			log.debug("Google Meet: event {} was already gone", eventId);
		}
	}

	/**
	 * A Calendar API call, made again once with a fresh token if Google no longer accepts the cached one. When
	 * cancelling, an event Google does not have is reported as {@link GoneAtGoogle}.
	 */
	private JsonNode calendar(String what, boolean cancelling, Call call) {
		for (int attempt = 1;; attempt++) {
			String token = accessToken(cancelling);
			try {
				String body = call.with(token);
				return json(body == null ? "" : body);
			}
			catch (RestClientResponseException e) {
				int status = e.getStatusCode().value();
				if (status == 401 && attempt == 1) {
					forgetToken(token);
					continue;
				}
				if (cancelling && (status == 404 || status == 410)) {
					throw new GoneAtGoogle();
				}
				throw failed("could not " + what + ": HTTP " + status + " " + googleError(e.getResponseBodyAsString()),
						cancelling);
			}
			catch (RestClientException e) {
				throw failed("could not " + what + ": " + e.getClass().getSimpleName(), cancelling);
			}
		}
	}

	/** The cached access token, or a new one from the refresh token. */
	synchronized String accessToken(boolean cancelling) {
		Instant now = clock.instant();
		if (accessToken != null && now.isBefore(accessTokenRenewal)) {
			return accessToken;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", settings.clientId());
		form.add("client_secret", settings.clientSecret());
		form.add("refresh_token", settings.refreshToken());
		form.add("grant_type", "refresh_token");
		String body;
		try {
			body = http.post().uri(settings.oauthUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
				.retrieve().body(String.class);
		}
		catch (RestClientResponseException e) {
			// invalid_grant: the refresh token was revoked or has expired, and someone must grant access again
			throw failed("Google refused the refresh token: HTTP " + e.getStatusCode().value() + " "
					+ googleError(e.getResponseBodyAsString()), cancelling);
		}
		catch (RestClientException e) {
			throw failed("could not reach Google's token endpoint: " + e.getClass().getSimpleName(), cancelling);
		}
		JsonNode answer = json(body == null ? "" : body);
		String token = text(answer, "access_token");
		if (token == null) {
			throw failed("Google's token endpoint answered without an access token", cancelling);
		}
		long lifetime = answer.path("expires_in").asLong(0);
		accessToken = token;
		accessTokenRenewal = now.plusSeconds(lifetime).minus(EXPIRY_MARGIN);
		return token;
	}

	private synchronized void forgetToken(String token) {
		if (token.equals(accessToken)) {
			accessToken = null;
		}
	}

	private URI eventUri(String eventId, boolean withConference) {
		var uri = UriComponentsBuilder.fromUriString(settings.calendarUrl())
			.path("/calendars/{calendarId}/events/{eventId}");
		if (withConference) {
			uri.queryParam("conferenceDataVersion", 1);
		}
		return uri.encode().buildAndExpand(settings.calendarId(), eventId).toUri();
	}

	/** The event's Meet link: its {@code hangoutLink}, or else its conference's video entry point. */
	static @Nullable String meetLink(JsonNode event) {
		String link = text(event, "hangoutLink");
		if (link != null) {
			return link;
		}
		for (JsonNode entryPoint : event.path("conferenceData").path("entryPoints")) {
			if ("video".equals(text(entryPoint, "entryPointType")) && text(entryPoint, "uri") != null) {
				return text(entryPoint, "uri");
			}
		}
		return null;
	}

	private static boolean pending(JsonNode event) {
		return "pending".equals(text(event.path("conferenceData").path("createRequest").path("status"), "statusCode"));
	}

	private void pause() {
		try {
			Thread.sleep(conferencePause.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw failed("interrupted while waiting for the conference", false);
		}
	}

	private static Refusal failed(String why, boolean cancelling) {
		log.warn("Google Meet: {}", why);
		String message = cancelling ? "The meeting could not be removed at Google Meet; try again later"
				: "The meeting could not be created at Google Meet; try again later";
		return Refusal.unavailable("MEETING_PROVIDER_FAILED", message);
	}

	/** Google's own words for a failure ({@code error.message} of the APIs, {@code error} of the token endpoint). */
	private static String googleError(String body) {
		JsonNode answer = json(body);
		JsonNode error = answer.path("error");
		if (error.isObject()) {
			String message = text(error, "message");
			return message == null ? "" : message;
		}
		String code = text(answer, "error");
		String description = text(answer, "error_description");
		return (code == null ? "" : code) + (description == null ? "" : " (" + description + ")");
	}

	private static JsonNode json(String body) {
		if (body.isBlank()) {
			return JSON.missingNode();
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException e) {
			return JSON.missingNode();
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() && !value.asString().isBlank() ? value.asString() : null;
	}

	@FunctionalInterface
	private interface Call {
		@Nullable String with(String accessToken);
	}

	/** The event is not (or no longer) at Google. */
	private static final class GoneAtGoogle extends RuntimeException {
		GoneAtGoogle() {
			super(null, null, false, false);
		}
	}
}
