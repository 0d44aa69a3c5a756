package io.polyclinic.scheduling.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The appointments as aggregates, for changing them; lists and views read them in SQL (AppointmentRows). */
public interface Bookings extends JpaRepository<Booking, Long> {

	Optional<Booking> findByPublicId(UUID publicId);
}
