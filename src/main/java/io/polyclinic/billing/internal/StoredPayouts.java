package io.polyclinic.billing.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StoredPayouts extends JpaRepository<StoredPayout, Long> {

	Optional<StoredPayout> findByClinicianIdAndPeriodStartAndPeriodEnd(long clinicianId, LocalDate periodStart,
			LocalDate periodEnd);

	/** Another payout of the clinician whose period shares a day with this one. */
	@Query("""
			select p from StoredPayout p where p.clinicianId = :clinician
			  and p.periodStart <= :periodEnd and p.periodEnd >= :periodStart
			order by p.periodStart""")
	java.util.List<StoredPayout> overlapping(@Param("clinician") long clinicianId,
			@Param("periodStart") LocalDate periodStart, @Param("periodEnd") LocalDate periodEnd);
}
