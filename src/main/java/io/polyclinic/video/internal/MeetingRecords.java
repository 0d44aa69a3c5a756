package io.polyclinic.video.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MeetingRecords extends JpaRepository<MeetingRecord, Long> {

	Optional<MeetingRecord> findByAppointmentId(long appointmentId);

	List<MeetingRecord> findByAppointmentIdIn(Collection<Long> appointmentIds);

	@Query("""
			select m from MeetingRecord m
			where (:from is null or m.createdAt >= :from) and (:to is null or m.createdAt < :to)
			  and (:provider is null or m.provider = :provider)""")
	Page<MeetingRecord> search(@Param("from") Instant from, @Param("to") Instant to, @Param("provider") String provider,
			Pageable page);
}
