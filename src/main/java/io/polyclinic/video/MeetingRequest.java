package io.polyclinic.video;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What a meeting is for: which appointment, what to call it, when it runs. */
public record MeetingRequest(long appointmentId, @Nullable String summary, Instant startsAt, Instant endsAt) {
}
