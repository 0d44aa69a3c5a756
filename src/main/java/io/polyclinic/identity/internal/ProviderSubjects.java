package io.polyclinic.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProviderSubjects extends JpaRepository<ProviderSubject, Long> {

	Optional<ProviderSubject> findByProviderAndSubject(String provider, String subject);
}
