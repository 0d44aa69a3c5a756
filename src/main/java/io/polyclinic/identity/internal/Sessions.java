package io.polyclinic.identity.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Sessions extends JpaRepository<Session, UUID> {
}
