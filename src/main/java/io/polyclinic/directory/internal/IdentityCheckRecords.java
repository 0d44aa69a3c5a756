package io.polyclinic.directory.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IdentityCheckRecords extends JpaRepository<IdentityCheckRecord, Long> {

	Optional<IdentityCheckRecord> findByUserId(long userId);
}
