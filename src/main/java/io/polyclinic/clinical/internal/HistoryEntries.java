package io.polyclinic.clinical.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HistoryEntries extends JpaRepository<HistoryEntry, Long> {

	Optional<HistoryEntry> findByPatientId(long patientId);

	/**
	 * The patient's history row, made empty if there is none yet: one statement whose conflict the database resolves,
	 * so that two first writes of one patient's history both succeed (the second then revises the first's row).
	 */
	@Modifying
	@Query(nativeQuery = true, value = """
			INSERT INTO medical_histories (patient_id, chronic_conditions, allergies, current_medications,
			    surgical_history, immunizations, family_history, smoking_status, alcohol_consumption, exercise_habits,
			    updated_by_user_id, created_at, updated_at, version)
			VALUES (:patientId, '[]', '[]', '[]', '[]', '[]', '', '', '', '', :userId, :now, :now, 0)
			ON CONFLICT DO NOTHING""")
	void ensure(@Param("patientId") long patientId, @Param("userId") long userId,
			@Param("now") java.time.OffsetDateTime now);
}
