package io.polyclinic.files.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FileRecords extends JpaRepository<FileRecord, Long> {

	Optional<FileRecord> findByPublicId(UUID publicId);
}
