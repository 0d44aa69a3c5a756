package io.polyclinic.scheduling;

/**
 * An appointment's lifecycle: PENDING → CONFIRMED → COMPLETED, or CANCELLED, or NO_SHOW. Only CANCELLED frees the
 * slot.
 */
public enum AppointmentStatus {
	PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

	public boolean isOpen() {
		return this == PENDING || this == CONFIRMED;
	}
}
