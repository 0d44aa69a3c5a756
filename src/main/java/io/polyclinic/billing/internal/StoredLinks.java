package io.polyclinic.billing.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

public interface StoredLinks extends JpaRepository<StoredLink, Long> {

	Optional<StoredLink> findByProviderAndProviderLinkId(String provider, String providerLinkId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from StoredLink l where l.id = :id")
	Optional<StoredLink> lock(@Param("id") long id);
}
