package io.polyclinic.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Clinicians extends JpaRepository<ClinicianProfile, Long> {

	Optional<ClinicianProfile> findByUserId(long userId);

	/** Whether another clinician (not deleted) holds this registration number, any case. */
	@Query("""
			select count(c) > 0 from ClinicianProfile c
			where c.deletedAt is null and lower(c.registrationNumber) = lower(:number) and c.id <> :except""")
	boolean registrationTaken(@Param("number") String number, @Param("except") long except);

	@EntityGraph(attributePaths = { "specializations", "qualifications", "languages", "expertise" })
	List<ClinicianProfile> findWithDetailsByIdIn(Collection<Long> ids);

	/**
	 * Ids of clinicians matching the filters, a page at a time, in SQL. A centre matches the clinician's primary
	 * centre; a specialization matches any of theirs, case-insensitively.
	 */
	@Query(value = """
			select c.id from ClinicianProfile c
			where c.deletedAt is null
			  and (:activeOnly = false or c.active = true)
			  and (:centreId is null or c.primaryCentreId = :centreId)
			  and (:specialization is null or exists (
			        select 1 from ClinicianProfile c2 join c2.specializations s
			        where c2 = c and lower(s) = :specialization))
			order by c.id""",
			countQuery = """
			select count(c) from ClinicianProfile c
			where c.deletedAt is null
			  and (:activeOnly = false or c.active = true)
			  and (:centreId is null or c.primaryCentreId = :centreId)
			  and (:specialization is null or exists (
			        select 1 from ClinicianProfile c2 join c2.specializations s
			        where c2 = c and lower(s) = :specialization))""")
	Page<Long> searchIds(@Param("centreId") Long centreId, @Param("specialization") String specialization,
			@Param("activeOnly") boolean activeOnly, Pageable page);
}
