package io.polyclinic.video.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import jakarta.persistence.criteria.Predicate;

public interface MeetingRecords extends JpaRepository<MeetingRecord, Long>, JpaSpecificationExecutor<MeetingRecord> {

	Optional<MeetingRecord> findByAppointmentId(long appointmentId);

	List<MeetingRecord> findByAppointmentIdIn(Collection<Long> appointmentIds);

	/**
	 * Links created in [from, to) by a provider; a null bound or provider is left out of the SQL altogether, since
	 * PostgreSQL cannot type a parameter that is only compared with NULL.
	 */
	static Specification<MeetingRecord> matching(@Nullable Instant from, @Nullable Instant to,
			@Nullable String provider) {
		return (link, query, where) -> {
			List<Predicate> conditions = new ArrayList<>();
			if (from != null) {
				conditions.add(where.greaterThanOrEqualTo(link.get("createdAt"), from));
			}
			if (to != null) {
				conditions.add(where.lessThan(link.get("createdAt"), to));
			}
			if (provider != null) {
				conditions.add(where.equal(link.get("provider"), provider));
			}
			return where.and(conditions.toArray(Predicate[]::new));
		};
	}
}
