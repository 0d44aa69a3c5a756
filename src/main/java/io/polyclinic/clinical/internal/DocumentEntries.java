package io.polyclinic.clinical.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentEntries extends JpaRepository<DocumentEntry, Long> {
}
