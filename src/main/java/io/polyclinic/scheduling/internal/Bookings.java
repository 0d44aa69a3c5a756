package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.polyclinic.scheduling.AppointmentStatus;

public interface Bookings extends JpaRepository<Booking, Long> {

	// PostgreSQL's driver sends a date parameter untyped, so "? is null" alone leaves the server guessing: cast it
	@Query("""
			select b from Booking b
			where (:centreId is null or b.centreId = :centreId)
			  and (:managingCentreId is null or b.managingCentreId = :managingCentreId)
			  and (:clinicianId is null or b.clinicianId = :clinicianId)
			  and (:patientId is null or b.patientId = :patientId)
			  and (cast(:date as LocalDate) is null or b.localDate = :date)
			  and (:status is null or b.status = :status)""")
	Page<Booking> search(@Param("centreId") Long centreId, @Param("managingCentreId") Long managingCentreId,
			@Param("clinicianId") Long clinicianId,
			@Param("patientId") Long patientId, @Param("date") LocalDate date, @Param("status") AppointmentStatus status,
			Pageable page);

	/** Start instants of the slots a clinician's open appointments hold in a window. */
	@Query("select b.slotHold from Booking b where b.clinicianId = :clinicianId and b.slotHold >= :from and b.slotHold < :to")
	List<Instant> heldSlots(@Param("clinicianId") long clinicianId, @Param("from") Instant from, @Param("to") Instant to);

	Page<Booking> findByPatientId(long patientId, Pageable page);

	java.util.Optional<Booking> findByPublicId(java.util.UUID publicId);

	@Query("""
			select b from Booking b where b.clinicianId = :clinicianId and b.status not in :excluded
			  and b.startsAt >= :from and b.startsAt < :to and b.endsAt > :now order by b.startsAt""")
	List<Booking> current(@Param("clinicianId") long clinicianId, @Param("from") Instant from, @Param("to") Instant to,
			@Param("now") Instant now, @Param("excluded") Collection<AppointmentStatus> excluded);

	@Query("""
			select b from Booking b where b.clinicianId = :clinicianId and b.status not in :excluded
			  and b.startsAt >= :from order by b.startsAt""")
	Page<Booking> upcoming(@Param("clinicianId") long clinicianId, @Param("from") Instant from,
			@Param("excluded") Collection<AppointmentStatus> excluded, Pageable page);

	@Query("select b from Booking b where b.clinicianId = :clinicianId and b.endsAt <= :now order by b.startsAt desc")
	Page<Booking> past(@Param("clinicianId") long clinicianId, @Param("now") Instant now, Pageable page);

	@Query("""
			select b from Booking b where b.patientId = :patientId and b.status in :statuses and b.startsAt >= :from
			order by b.startsAt""")
	Page<Booking> upcomingForPatient(@Param("patientId") long patientId, @Param("from") Instant from,
			@Param("statuses") Collection<AppointmentStatus> statuses, Pageable page);

	long countByPatientId(long patientId);

	/** Confirmed appointments starting within the window whose patient has not been reminded yet. */
	@Query("""
			select b.id from Booking b where b.status = io.polyclinic.scheduling.AppointmentStatus.CONFIRMED
			  and b.reminderSentAt is null and b.startsAt > :from and b.startsAt <= :to order by b.startsAt""")
	List<Long> dueForReminder(@Param("from") Instant from, @Param("to") Instant to, Pageable page);
}
