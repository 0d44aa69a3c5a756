package io.polyclinic.clinical.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VitalEntries extends JpaRepository<VitalEntry, Long> {
}
