package io.polyclinic.video.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import io.polyclinic.platform.MissingConfiguration;

/**
 * Google Meet's settings, under {@code polyclinic.google.*} ({@code POLYCLINIC_GOOGLE_CLIENT_ID} and so on in the
 * environment). The client id switches Google Meet on; the refresh token is one of an account that granted the
 * Calendar scope with offline access, and the meetings are events on that account's calendar.
 *
 * @param oauthUrl Google's token endpoint
 * @param calendarUrl the Calendar API's base URL, up to and including {@code /calendar/v3}
 */
@ConfigurationProperties("polyclinic.google")
public record GoogleMeetProperties(@Nullable String clientId, @Nullable String clientSecret,
		@Nullable String refreshToken, @DefaultValue("primary") String calendarId,
		@DefaultValue("https://oauth2.googleapis.com/token") String oauthUrl,
		@DefaultValue("https://www.googleapis.com/calendar/v3") String calendarUrl) {

	/** The settings a configured adapter cannot work without, checked at startup rather than at the first booking. */
	void requireComplete() {
		require(clientId, "POLYCLINIC_GOOGLE_CLIENT_ID");
		require(clientSecret, "POLYCLINIC_GOOGLE_CLIENT_SECRET");
		require(refreshToken, "POLYCLINIC_GOOGLE_REFRESH_TOKEN");
		require(calendarId, "POLYCLINIC_GOOGLE_CALENDAR_ID");
	}

	private static void require(@Nullable String value, String variable) {
		if (value == null || value.isBlank()) {
			throw new MissingConfiguration("Google Meet is configured but " + variable + " is missing",
					"Set " + variable + ", or unset POLYCLINIC_GOOGLE_CLIENT_ID to use the internal video rooms");
		}
	}
}
