package io.polyclinic.clinical.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Notes extends JpaRepository<Note, Long> {

	/**
	 * Whose appointment this is. Scheduling owns appointments; a note needs only this one fact about one, so it reads
	 * it straight from the table rather than tying clinical to scheduling's code.
	 */
	@Query(value = "select patient_id from appointments where id = :id", nativeQuery = true)
	Optional<Long> patientOfAppointment(@Param("id") long appointmentId);
}
