package io.polyclinic.clinical.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MedicalEntries extends JpaRepository<MedicalEntry, Long> {

	Optional<MedicalEntry> findByPublicId(UUID publicId);
}
