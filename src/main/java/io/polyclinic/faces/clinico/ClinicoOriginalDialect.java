package io.polyclinic.faces.clinico;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Verification;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.ConsultationType;

/**
 * The original Clinico server's words for the clinic's own, for the endpoints its client calls that clinico.md does
 * not list: its roles ("Patient", "Professional", "Admin"), appointment statuses ("Scheduled", "Completed",
 * "Cancelled"), appointment types ("Virtual", "In-Person") and KYC states ("Verified", "Pending", "Rejected").
 */
final class ClinicoOriginalDialect {

	private ClinicoOriginalDialect() {
	}

	/** The original knows patients, professionals, NGOs and admins; every member of staff is an admin to it. */
	static String role(Role role) {
		return switch (role) {
			case PATIENT -> "Patient";
			case CLINICIAN -> "Professional";
			default -> "Admin";
		};
	}

	/** An appointment that has not ended is "Scheduled" to the original (its client offers the video call then). */
	static String status(AppointmentStatus status) {
		return switch (status) {
			case PENDING, CONFIRMED, IN_PROGRESS -> "Scheduled";
			case COMPLETED -> "Completed";
			case CANCELLED -> "Cancelled";
			case NO_SHOW -> "No-Show";
		};
	}

	static String type(ConsultationType type) {
		return type == ConsultationType.IN_PERSON || type == ConsultationType.HOME ? "In-Person" : "Virtual";
	}

	static String verification(Verification verification) {
		return switch (verification) {
			case VERIFIED -> "Verified";
			case PENDING -> "Pending";
			case REJECTED -> "Rejected";
		};
	}

	/** The original keeps one specialty per professional: the first of ours. */
	static @Nullable String specialty(Clinician clinician) {
		return clinician.specializations().isEmpty() ? null : clinician.specializations().get(0);
	}

	/** The original keeps credentials as one line of text: the qualifications, comma-separated. */
	static @Nullable String credentials(Clinician clinician) {
		return joined(clinician.qualifications());
	}

	static @Nullable String joined(List<String> values) {
		return values.isEmpty() ? null : String.join(", ", values);
	}
}
