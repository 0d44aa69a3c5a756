package io.polyclinic.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Time taken out of a clinician's calendar, [startsAt, endsAt), with the clinician's clock to show it on; removed
 * once unblocked.
 */
public record TimeBlock(long id, UUID publicId, long clinicianId, ZoneId zone, Instant startsAt, Instant endsAt,
		@Nullable String reason, @Nullable Long createdByUserId, Instant createdAt, @Nullable Instant removedAt) {

	public boolean active() {
		return removedAt == null;
	}
}
