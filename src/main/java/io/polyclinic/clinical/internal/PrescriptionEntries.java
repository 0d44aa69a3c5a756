package io.polyclinic.clinical.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PrescriptionEntries extends JpaRepository<PrescriptionEntry, Long> {

	Optional<PrescriptionEntry> findByPublicId(UUID publicId);
}
