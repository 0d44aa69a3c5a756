package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.polyclinic.scheduling.AppointmentStatus;

/** The appointments as aggregates, for changing them; lists and views read them in SQL (AppointmentRows). */
public interface Bookings extends JpaRepository<Booking, Long> {

	Optional<Booking> findByPublicId(UUID publicId);

	/**
	 * The intervals the clinician's active appointments hold between two instants. An appointment lasts a day at
	 * most, so starts before {@code lookBack} (a day before {@code from}) need not be read.
	 */
	@Query("""
			select new io.polyclinic.scheduling.internal.Busy(b.startsAt, b.endsAt) from Booking b
			where b.clinicianId = :clinicianId and b.status <> io.polyclinic.scheduling.AppointmentStatus.CANCELLED
			  and b.startsAt < :to and b.endsAt > :from and b.startsAt > :lookBack""")
	List<Busy> busy(@Param("clinicianId") long clinicianId, @Param("from") Instant from, @Param("to") Instant to,
			@Param("lookBack") Instant lookBack);
}
