package io.polyclinic.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StaffAssignments extends JpaRepository<StaffAssignment, Long> {

	Optional<StaffAssignment> findByUserId(long userId);

	List<StaffAssignment> findByUserIdIn(Collection<Long> userIds);

	@Query("select s.userId from StaffAssignment s where s.centreId = :centreId")
	List<Long> userIdsAtCentre(@Param("centreId") long centreId);
}
