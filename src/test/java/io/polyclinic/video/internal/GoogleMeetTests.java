package io.polyclinic.video.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.polyclinic.platform.Refusal;
import io.polyclinic.video.MeetingRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Google Meet adapter against a stub of Google's token endpoint and Calendar API, as Google documents them: the
 * exact requests it makes, and how it reads the answers.
 */
class GoogleMeetTests {

	@RegisterExtension
	static WireMockExtension google = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
		.build();

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String EVENTS = "/calendar/v3/calendars/primary/events?conferenceDataVersion=1";
	static final Instant START = Instant.parse("2030-03-15T10:00:00Z");
	static final Instant END = Instant.parse("2030-03-15T11:00:00Z");

	MutableClock clock = new MutableClock(Instant.parse("2030-03-01T00:00:00Z"));
	GoogleMeet meet;

	@BeforeEach
	void setUp() {
		meet = new GoogleMeet(settings("primary"), RestClient.builder(), clock, Duration.ZERO);
		google.stubFor(post(urlEqualTo("/token")).willReturn(
				okJson("{\"access_token\":\"ya29.first\",\"expires_in\":3599,\"scope\":\"https://www.googleapis.com/auth/calendar.events\",\"token_type\":\"Bearer\"}")));
	}

	GoogleMeetProperties settings(String calendarId) {
		return new GoogleMeetProperties("client-123.apps.googleusercontent.com", "secret-456", "1//refresh-789",
				calendarId, google.baseUrl() + "/token", google.baseUrl() + "/calendar/v3");
	}

	@Test
	void createsACalendarEventWithAMeetConferenceAndAnswersItsLinkAndId() {
		google.stubFor(post(urlEqualTo(EVENTS)).willReturn(okJson("""
				{"kind":"calendar#event","id":"evt_123","status":"confirmed",
				 "hangoutLink":"https://meet.google.com/abc-defg-hij",
				 "conferenceData":{"createRequest":{"requestId":"x","conferenceSolutionKey":{"type":"hangoutsMeet"},
				   "status":{"statusCode":"success"}},
				   "entryPoints":[{"entryPointType":"video","uri":"https://meet.google.com/abc-defg-hij"}]}}""")));

		var created = meet.create(new MeetingRequest(42, "Consultation with Dr. John Doe", START, END));

		assertThat(created.url()).isEqualTo("https://meet.google.com/abc-defg-hij");
		assertThat(created.eventId()).isEqualTo("evt_123");
		google.verify(1, postRequestedFor(urlEqualTo("/token"))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("client_id", equalTo("client-123.apps.googleusercontent.com"))
			.withFormParam("client_secret", equalTo("secret-456"))
			.withFormParam("refresh_token", equalTo("1//refresh-789"))
			.withFormParam("grant_type", equalTo("refresh_token")));
		google.verify(1, postRequestedFor(urlEqualTo(EVENTS))
			.withHeader("Authorization", equalTo("Bearer ya29.first"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"summary":"Consultation with Dr. John Doe",
					 "start":{"dateTime":"2030-03-15T10:00:00Z"},
					 "end":{"dateTime":"2030-03-15T11:00:00Z"},
					 "conferenceData":{"createRequest":{"requestId":"${json-unit.any-string}",
					   "conferenceSolutionKey":{"type":"hangoutsMeet"}}}}""")));
	}

	@Test
	void everyMeetingAsksForItsOwnConferenceAndTheTokenIsKeptUntilShortlyBeforeItExpires() {
		google.stubFor(post(urlEqualTo(EVENTS))
			.willReturn(okJson("{\"id\":\"evt_1\",\"hangoutLink\":\"https://meet.google.com/aaa-bbbb-ccc\"}")));

		meet.create(new MeetingRequest(1, null, START, END));
		clock.advance(Duration.ofSeconds(3599 - 61));
		meet.create(new MeetingRequest(2, null, START, END));

		google.verify(1, postRequestedFor(urlEqualTo("/token")));
		var bodies = google.findAll(postRequestedFor(urlEqualTo(EVENTS))).stream()
			.map(r -> JSON.readTree(r.getBodyAsString()))
			.toList();
		assertThat(bodies).extracting(body -> body.path("summary").asString()).containsExactly("Consultation",
				"Consultation");
		assertThat(bodies).extracting(body -> body.path("conferenceData").path("createRequest").path("requestId")
			.asString()).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());

		clock.advance(Duration.ofSeconds(2));
		meet.create(new MeetingRequest(3, null, START, END));

		google.verify(2, postRequestedFor(urlEqualTo("/token")));
	}

	@Test
	void withoutAHangoutLinkTheVideoEntryPointIsTheLink() {
		google.stubFor(post(urlEqualTo(EVENTS)).willReturn(okJson("""
				{"id":"evt_2","conferenceData":{"entryPoints":[
				  {"entryPointType":"phone","uri":"tel:+1-555-0100"},
				  {"entryPointType":"video","uri":"https://meet.google.com/xyz-abcd-efg"}]}}""")));

		var created = meet.create(new MeetingRequest(42, "Consultation", START, END));

		assertThat(created.url()).isEqualTo("https://meet.google.com/xyz-abcd-efg");
		assertThat(created.eventId()).isEqualTo("evt_2");
	}

	@Test
	void aConferenceStillPendingIsReadAgainUntilItHasItsLink() {
		google.stubFor(post(urlEqualTo(EVENTS)).willReturn(okJson("""
				{"id":"evt_3","conferenceData":{"createRequest":{"requestId":"r",
				  "conferenceSolutionKey":{"type":"hangoutsMeet"},"status":{"statusCode":"pending"}}}}""")));
		google.stubFor(get(urlEqualTo("/calendar/v3/calendars/primary/events/evt_3?conferenceDataVersion=1"))
			.willReturn(okJson("{\"id\":\"evt_3\",\"hangoutLink\":\"https://meet.google.com/pen-ding-now\"}")));

		var created = meet.create(new MeetingRequest(42, "Consultation", START, END));

		assertThat(created.url()).isEqualTo("https://meet.google.com/pen-ding-now");
		google.verify(1, getRequestedFor(urlEqualTo("/calendar/v3/calendars/primary/events/evt_3?conferenceDataVersion=1"))
			.withHeader("Authorization", equalTo("Bearer ya29.first")));
	}

	@Test
	void anEventWithoutAConferenceIsDeletedAndTheFailureIsABadGateway() {
		google.stubFor(post(urlEqualTo(EVENTS)).willReturn(okJson("""
				{"id":"evt_4","conferenceData":{"createRequest":{"requestId":"r",
				  "conferenceSolutionKey":{"type":"hangoutsMeet"},"status":{"statusCode":"failure"}}}}""")));
		google.stubFor(delete(urlEqualTo("/calendar/v3/calendars/primary/events/evt_4"))
			.willReturn(aResponse().withStatus(204)));

		assertThatThrownBy(() -> meet.create(new MeetingRequest(42, "Consultation", START, END)))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
				assertThat(e.code()).isEqualTo("MEETING_PROVIDER_FAILED");
			});
		google.verify(1, deleteRequestedFor(urlEqualTo("/calendar/v3/calendars/primary/events/evt_4")));
	}

	@Test
	void aCalendarErrorIsABadGatewayWithItsOwnCode() {
		google.stubFor(post(urlEqualTo(EVENTS)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":403,\"message\":\"Insufficient Permission\",\"status\":\"PERMISSION_DENIED\"}}")));

		assertThatThrownBy(() -> meet.create(new MeetingRequest(42, "Consultation", START, END)))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
				assertThat(e.code()).isEqualTo("MEETING_PROVIDER_FAILED");
				assertThat(e.getMessage()).isEqualTo("The meeting could not be created at Google Meet; try again later");
			});
	}

	@Test
	void aRefusedRefreshTokenIsABadGatewayAndNoEventIsAttempted() {
		google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));

		assertThatThrownBy(() -> meet.create(new MeetingRequest(42, "Consultation", START, END)))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
				assertThat(e.code()).isEqualTo("MEETING_PROVIDER_FAILED");
			});
		google.verify(0, postRequestedFor(urlEqualTo(EVENTS)));
	}

	@Test
	void anAccessTokenGoogleNoLongerAcceptsIsRenewedOnceAndTheCallMadeAgain() {
		google.stubFor(post(urlEqualTo("/token")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"access_token\":\"ya29.revoked\",\"expires_in\":3599}"))
			.willSetStateTo("renewed"));
		google.stubFor(post(urlEqualTo("/token")).inScenario("token").whenScenarioStateIs("renewed")
			.willReturn(okJson("{\"access_token\":\"ya29.fresh\",\"expires_in\":3599}")));
		google.stubFor(post(urlEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer ya29.revoked"))
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}")));
		google.stubFor(post(urlEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer ya29.fresh"))
			.willReturn(okJson("{\"id\":\"evt_5\",\"hangoutLink\":\"https://meet.google.com/fre-shto-ken\"}")));

		var created = meet.create(new MeetingRequest(42, "Consultation", START, END));

		assertThat(created.url()).isEqualTo("https://meet.google.com/fre-shto-ken");
		google.verify(2, postRequestedFor(urlEqualTo("/token")));
		google.verify(2, postRequestedFor(urlEqualTo(EVENTS)));
	}

	@Test
	void cancellingDeletesTheEventOnTheConfiguredCalendar() {
		meet = new GoogleMeet(settings("clinic@group.calendar.google.com"), RestClient.builder(), clock, Duration.ZERO);
		google.stubFor(delete(urlEqualTo("/calendar/v3/calendars/clinic%40group.calendar.google.com/events/evt_6"))
			.willReturn(aResponse().withStatus(204)));

		meet.cancel("evt_6");

		google.verify(1, deleteRequestedFor(
				urlEqualTo("/calendar/v3/calendars/clinic%40group.calendar.google.com/events/evt_6"))
			.withHeader("Authorization", equalTo("Bearer ya29.first")));
	}

	@Test
	void anEventAlreadyGoneIsCancelledAndAFailingDeleteIsABadGateway() {
		google.stubFor(delete(urlEqualTo("/calendar/v3/calendars/primary/events/gone"))
			.willReturn(aResponse().withStatus(410)
				.withBody("{\"error\":{\"code\":410,\"message\":\"Resource has been deleted\"}}")));
		google.stubFor(delete(urlEqualTo("/calendar/v3/calendars/primary/events/broken"))
			.willReturn(aResponse().withStatus(503)));

		meet.cancel("gone");
		meet.cancel(null);

		assertThatThrownBy(() -> meet.cancel("broken")).isInstanceOfSatisfying(Refusal.class, e -> {
			assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
			assertThat(e.code()).isEqualTo("MEETING_PROVIDER_FAILED");
			assertThat(e.getMessage()).isEqualTo("The meeting could not be removed at Google Meet; try again later");
		});
		google.verify(2, deleteRequestedFor(anyUrl()));
	}

	@Test
	void googleUnreachableIsABadGateway() {
		var unreachable = new GoogleMeetProperties("id", "secret", "refresh", "primary", "http://127.0.0.1:1/token",
				"http://127.0.0.1:1/calendar/v3");
		var offline = new GoogleMeet(unreachable, RestClient.builder(), clock, Duration.ZERO);

		assertThatThrownBy(() -> offline.create(new MeetingRequest(42, "Consultation", START, END)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("MEETING_PROVIDER_FAILED"));
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
