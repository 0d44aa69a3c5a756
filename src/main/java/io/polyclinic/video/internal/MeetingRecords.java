package io.polyclinic.video.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingRecords extends JpaRepository<MeetingRecord, Long> {

	Optional<MeetingRecord> findByAppointmentId(long appointmentId);

	List<MeetingRecord> findByAppointmentIdIn(Collection<Long> appointmentIds);
}
