package io.polyclinic.video;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where an online appointment takes place.
 *
 * @param provider {@code internal} or {@code google_meet}
 * @param eventId the provider's id for the meeting (a calendar event id, a room id)
 */
public record MeetingLink(long id, long appointmentId, String url, String provider, @Nullable String eventId,
		@Nullable String summary, @Nullable Instant startsAt, @Nullable Instant endsAt, Instant createdAt) {
}
