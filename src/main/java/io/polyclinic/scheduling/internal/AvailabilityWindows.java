package io.polyclinic.scheduling.internal;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AvailabilityWindows extends JpaRepository<AvailabilityWindow, Long> {

	@Query("select w from AvailabilityWindow w where w.clinicianId = :clinicianId order by w.dayOfWeek, w.startTime")
	List<AvailabilityWindow> ofClinician(@Param("clinicianId") long clinicianId);

	@Query("select w from AvailabilityWindow w where w.clinicianId in :clinicianIds")
	List<AvailabilityWindow> ofClinicians(@Param("clinicianIds") Collection<Long> clinicianIds);

	List<AvailabilityWindow> findByClinicianIdAndDayOfWeek(long clinicianId, DayOfWeek dayOfWeek);

	@Modifying
	@Query("delete from AvailabilityWindow w where w.breakOf = :windowId")
	void deleteBreaksOf(@Param("windowId") long windowId);

	@Modifying
	@Query("delete from AvailabilityWindow w where w.clinicianId = :clinicianId")
	void deleteOfClinician(@Param("clinicianId") long clinicianId);
}
