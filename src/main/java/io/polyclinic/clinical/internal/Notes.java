package io.polyclinic.clinical.internal;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Notes extends JpaRepository<Note, Long> {

	/** A patient's notes, newest first, on the (patient_id, created_at) index. */
	List<Note> findByPatientIdOrderByCreatedAtDescIdDesc(long patientId, Pageable page);
}
