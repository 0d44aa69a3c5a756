package io.polyclinic.scheduling;

/**
 * An appointment's lifecycle: PENDING, then CONFIRMED (paid for, or confirmed by staff), then COMPLETED or NO_SHOW;
 * a visit may also be completed straight from PENDING, and an open one (PENDING or CONFIRMED) may be CANCELLED. Only
 * CANCELLED frees the clinician's time.
 */
public enum AppointmentStatus {
	PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

	public boolean isOpen() {
		return this == PENDING || this == CONFIRMED;
	}
}
