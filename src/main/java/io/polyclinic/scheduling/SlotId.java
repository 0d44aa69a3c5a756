package io.polyclinic.scheduling;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.polyclinic.platform.Refusal;

/**
 * A grid slot named by one integer, for faces whose clients book slots by id (hcp's {@code slot_id}): slots are
 * computed from weekly hours (or opened in batches, and then their start alone names them), so the id carries the
 * clinician and the start itself —
 * {@code clinicianId * 100 000 000 + minutes since the epoch} — and stays the same however often the grid is read.
 * It fits a JavaScript number for clinician ids below 90 million and starts before the year 2160. Whether the start
 * is on the clinician's grid, ahead and free is the appointment book's question when it is booked.
 */
public record SlotId(long clinicianId, Instant startsAt) {

	/** How many minutes one clinician's ids span. */
	static final long SPAN = 100_000_000L;
	/** The largest clinician id that keeps the slot id a safe JavaScript integer (2^53 - 1). */
	static final long MAX_CLINICIAN = ((1L << 53) - 1) / SPAN - 1;

	public SlotId {
		if (clinicianId < 1 || clinicianId > MAX_CLINICIAN) {
			throw unavailable();
		}
		long minute = startsAt.getEpochSecond() / 60;
		if (startsAt.getEpochSecond() < 0 || minute >= SPAN || !startsAt.truncatedTo(ChronoUnit.MINUTES).equals(startsAt)) {
			throw unavailable();
		}
	}

	/** The id a client sends back. */
	public long value() {
		return clinicianId * SPAN + startsAt.getEpochSecond() / 60;
	}

	/**
	 * The slot an id names; INVALID_INPUT {@code slotId} when no slot could have it (zero, negative, no clinician
	 * part).
	 */
	public static SlotId of(long value) {
		if (value <= 0) {
			throw unavailable();
		}
		return new SlotId(value / SPAN, Instant.ofEpochSecond(value % SPAN * 60));
	}

	/** The one refusal of a slot id a client cannot use: which part was wrong is nobody's business. */
	static Refusal unavailable() {
		return Refusal.invalidField("slotId", "Selected slot is not available");
	}
}
