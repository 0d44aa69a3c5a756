package io.polyclinic.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which appointments to list; every filter is optional and applied in SQL, within what the caller reaches.
 *
 * @param date a day on the clinician's clock
 * @param from appointments starting at or after this instant
 * @param to appointments starting before this instant
 * @param statuses any of these statuses; empty means any
 */
public record AppointmentQuery(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long centreId,
		@Nullable LocalDate date, Set<AppointmentStatus> statuses, @Nullable Instant from, @Nullable Instant to,
		Order order) {

	public enum Order {
		NEWEST_FIRST, SOONEST_FIRST
	}

	public static AppointmentQuery all() {
		return new AppointmentQuery(null, null, null, null, Set.of(), null, null, Order.NEWEST_FIRST);
	}

	public AppointmentQuery ofPatient(@Nullable Long patientId) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order);
	}

	public AppointmentQuery withClinician(@Nullable Long clinicianId) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order);
	}

	public AppointmentQuery atCentre(@Nullable Long centreId) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order);
	}

	public AppointmentQuery on(@Nullable LocalDate date) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order);
	}

	public AppointmentQuery inStatus(Set<AppointmentStatus> statuses) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, Set.copyOf(statuses), from, to, order);
	}

	public AppointmentQuery between(@Nullable Instant from, @Nullable Instant to) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order);
	}

	public AppointmentQuery ordered(Order order) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order);
	}
}
