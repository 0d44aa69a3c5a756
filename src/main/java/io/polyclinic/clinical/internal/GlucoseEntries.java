package io.polyclinic.clinical.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GlucoseEntries extends JpaRepository<GlucoseEntry, Long> {

	Optional<GlucoseEntry> findByPublicId(UUID publicId);
}
