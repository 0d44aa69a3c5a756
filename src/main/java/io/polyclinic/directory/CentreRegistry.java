package io.polyclinic.directory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.internal.CentreProfile;
import io.polyclinic.directory.internal.Centres;
import io.polyclinic.directory.internal.StaffAssignment;
import io.polyclinic.directory.internal.StaffAssignments;
import io.polyclinic.identity.Actor;
import io.polyclinic.identity.Role;
import io.polyclinic.platform.ClinicException;

/**
 * The clinic's centres: opening, describing, closing them, and finding them by city.
 */
@Service
@Transactional(readOnly = true)
public class CentreRegistry {

	private final Centres centres;
	private final StaffAssignments assignments;
	private final AuditLog audit;
	private final Clock clock;
	private final ZoneId defaultZone;

	CentreRegistry(Centres centres, StaffAssignments assignments, AuditLog audit, Clock clock,
			@Value("${polyclinic.default-time-zone:Asia/Kolkata}") String defaultZone) {
		this.centres = centres;
		this.assignments = assignments;
		this.audit = audit;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	@Transactional
	public Centre open(CentreDetails details, Actor actor) {
		if (details.name() == null || details.name().isBlank()) {
			throw ClinicException.invalid("name", "Name is required");
		}
		if (details.city() == null || details.city().isBlank()) {
			throw ClinicException.invalid("city", "City is required");
		}
		var now = clock.instant();
		var centre = new CentreProfile(details.name(), details.city(),
				details.timeZone() == null ? defaultZone : zone(details.timeZone()), now);
		centre.describe(details.address(), details.phone(), details.email(), now);
		centre = centres.save(centre);
		audit.record(AuditRecord.success(actor.userId(), actor.role().name(), "CREATE", "CENTRE", centre.getId(), null));
		return centre.toCentre();
	}

	/** A centre manager changes only the centre they manage; managers and administrators any centre. */
	@Transactional
	public Centre change(long id, CentreDetails details, Actor actor) {
		var centre = centre(id);
		if (actor.role() == Role.CENTRE_MANAGER && !assignments.findByUserId(actor.userId())
			.map(StaffAssignment::getCentreId).filter(c -> c == id).isPresent()) {
			audit.recordDenied(AuditRecord.denied(actor.userId(), actor.role().name(), "UPDATE", "CENTRE", id, null));
			throw ClinicException.forbidden();
		}
		var now = clock.instant();
		if (details.name() != null) {
			if (details.name().isBlank()) {
				throw ClinicException.invalid("name", "Name cannot be blank");
			}
			centre.rename(details.name(), now);
		}
		if (details.city() != null) {
			if (details.city().isBlank()) {
				throw ClinicException.invalid("city", "City cannot be blank");
			}
			centre.moveTo(details.city(), now);
		}
		if (details.timeZone() != null) {
			centre.zone(zone(details.timeZone()), now);
		}
		centre.describe(details.address(), details.phone(), details.email(), now);
		audit.record(AuditRecord.success(actor.userId(), actor.role().name(), "UPDATE", "CENTRE", id, null));
		return centre.toCentre();
	}

	@Transactional
	public Centre toggleActive(long id, Actor actor) {
		var centre = centre(id);
		centre.toggleActive(clock.instant());
		audit.record(AuditRecord.success(actor.userId(), actor.role().name(), "TOGGLE_ACTIVE", "CENTRE", id, null));
		return centre.toCentre();
	}

	/** Soft delete: appointments and staff keep pointing at it; it disappears from every list. */
	@Transactional
	public void close(long id, Actor actor) {
		centre(id).delete(clock.instant());
		audit.record(AuditRecord.success(actor.userId(), actor.role().name(), "DELETE", "CENTRE", id, null));
	}

	public Centre get(long id) {
		return centre(id).toCentre();
	}

	public Page<Centre> find(@Nullable String city, boolean activeOnly, Pageable page) {
		String key = city == null || city.isBlank() ? null : CentreProfile.cityKey(city);
		return centres.search(key, activeOnly, page).map(CentreProfile::toCentre);
	}

	public Map<Long, Centre> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return centres.findByIdIn(ids).stream().map(CentreProfile::toCentre)
			.collect(Collectors.toMap(Centre::id, Function.identity()));
	}

	private CentreProfile centre(long id) {
		return centres.findById(id).filter(c -> !c.isDeleted()).orElseThrow(() -> ClinicException.notFound("Centre"));
	}

	static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			throw ClinicException.invalid("timeZone", "Unknown time zone");
		}
	}
}
