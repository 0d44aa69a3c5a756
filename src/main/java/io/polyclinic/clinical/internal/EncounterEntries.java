package io.polyclinic.clinical.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EncounterEntries extends JpaRepository<EncounterEntry, Long> {

	Optional<EncounterEntry> findByPublicId(UUID publicId);

	boolean existsByAppointmentId(long appointmentId);
}
