package io.polyclinic.scheduling;

/**
 * An appointment's lifecycle: PENDING, then CONFIRMED (paid for, or confirmed by staff), IN_PROGRESS once its
 * clinician starts it, then COMPLETED or NO_SHOW; a visit may also be started or completed straight from PENDING, and
 * an open one may be CANCELLED. Only CANCELLED frees the clinician's time.
 */
public enum AppointmentStatus {
	PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW, IN_PROGRESS;

	/** Not ended: pending, confirmed or in progress. */
	public boolean isOpen() {
		return this == PENDING || this == CONFIRMED || this == IN_PROGRESS;
	}

	/** Open and not started yet: it may still move to another time. */
	public boolean isAhead() {
		return this == PENDING || this == CONFIRMED;
	}
}
