package io.polyclinic.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Patients extends JpaRepository<PatientProfile, Long> {

	Optional<PatientProfile> findByUserId(long userId);

	List<PatientProfile> findByUserIdIn(Collection<Long> userIds);

	List<PatientProfile> findByIdIn(Collection<Long> ids);
}
