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
 * @param consultationTypes any of these kinds of consultation; empty means any
 * @param firstDay appointments on this day of the clinician's clock or later
 * @param lastDay appointments on this day of the clinician's clock or earlier
 */
public record AppointmentQuery(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long centreId,
		@Nullable LocalDate date, Set<AppointmentStatus> statuses, @Nullable Instant from, @Nullable Instant to,
		Order order, Set<ConsultationType> consultationTypes, @Nullable LocalDate firstDay,
		@Nullable LocalDate lastDay) {

	/**
	 * How a list is ordered, ties broken by id the same way: by start (the date and time on the clinician's clock),
	 * by when it was booked, or by the time of day on the clinician's clock (then by start).
	 */
	public enum Order {
		NEWEST_FIRST, SOONEST_FIRST, BOOKED_FIRST, BOOKED_LAST, EARLIEST_TIME_OF_DAY_FIRST, LATEST_TIME_OF_DAY_FIRST
	}

	public AppointmentQuery {
		statuses = Set.copyOf(statuses);
		consultationTypes = Set.copyOf(consultationTypes);
	}

	public static AppointmentQuery all() {
		return new AppointmentQuery(null, null, null, null, Set.of(), null, null, Order.NEWEST_FIRST, Set.of(), null,
				null);
	}

	public AppointmentQuery ofPatient(@Nullable Long patientId) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	public AppointmentQuery withClinician(@Nullable Long clinicianId) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	public AppointmentQuery atCentre(@Nullable Long centreId) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	public AppointmentQuery on(@Nullable LocalDate date) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	public AppointmentQuery inStatus(Set<AppointmentStatus> statuses) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	public AppointmentQuery between(@Nullable Instant from, @Nullable Instant to) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	public AppointmentQuery ordered(Order order) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	public AppointmentQuery ofKind(Set<ConsultationType> consultationTypes) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}

	/** Days on the clinician's clock, both included; null leaves that end open. */
	public AppointmentQuery onDays(@Nullable LocalDate firstDay, @Nullable LocalDate lastDay) {
		return new AppointmentQuery(patientId, clinicianId, centreId, date, statuses, from, to, order,
				consultationTypes, firstDay, lastDay);
	}
}
