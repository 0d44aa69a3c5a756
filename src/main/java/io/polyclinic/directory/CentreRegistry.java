package io.polyclinic.directory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
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
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * The clinic's centres: opening, describing, closing them, and finding them by city. Administrators and managers
 * open, close and switch centres on and off; a centre's details are changed by them or by the centre's own
 * manager. Anyone may read a centre (patients choose where to go).
 */
@Service
@Transactional(readOnly = true)
public class CentreRegistry {

	private static final Set<Role> SET_UP = EnumSet.of(Role.ADMIN, Role.MANAGER);
	private static final Set<Role> DESCRIBE = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.CENTRE_MANAGER);

	private final Centres centres;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;
	private final ZoneId defaultZone;

	CentreRegistry(Centres centres, AccessPolicy access, AuditLog audit, Clock clock,
			@Value("${polyclinic.default-time-zone:Asia/Kolkata}") String defaultZone) {
		this.centres = centres;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	@Transactional
	public Centre open(CentreDetails details, Actor actor) {
		access.requireRole(actor, SET_UP, "CREATE", "CENTRE", null);
		access.requireCentre(actor, null, "CREATE", "CENTRE", null);
		if (details.name() == null || details.name().isBlank()) {
			throw Refusal.invalidField("name", "Name is required");
		}
		if (details.city() == null || details.city().isBlank()) {
			throw Refusal.invalidField("city", "City is required");
		}
		var now = clock.instant();
		var centre = new CentreProfile(details.name(), details.city(),
				details.timeZone() == null ? defaultZone : zone(details.timeZone()), now);
		checkPincode(details.pincode());
		centre.describe(details.address(), details.phone(), details.email(), now);
		centre.postTo(details.pincode(), now);
		centre = centres.save(centre);
		audit.record(AuditRecord.success(actor, "CREATE", "CENTRE", centre.getId(), null));
		return centre.toCentre();
	}

	/** A centre manager changes only the centre they manage; managers and administrators any centre. */
	@Transactional
	public Centre change(long id, CentreDetails details, Actor actor) {
		var centre = centre(id);
		access.requireRole(actor, DESCRIBE, "UPDATE", "CENTRE", id);
		Reach reach = access.requireCentre(actor, id, "UPDATE", "CENTRE", id);
		// a centre manager's say over a centre comes from managing it: one assigned to no centre describes none
		if (actor.is(Role.CENTRE_MANAGER) && reach.kind() != Reach.Kind.CENTRE) {
			throw access.denied(actor, "UPDATE", "CENTRE", id, null);
		}
		var now = clock.instant();
		if (details.name() != null) {
			if (details.name().isBlank()) {
				throw Refusal.invalidField("name", "Name cannot be blank");
			}
			centre.rename(details.name(), now);
		}
		if (details.city() != null) {
			if (details.city().isBlank()) {
				throw Refusal.invalidField("city", "City cannot be blank");
			}
			centre.moveTo(details.city(), now);
		}
		if (details.timeZone() != null) {
			centre.zone(zone(details.timeZone()), now);
		}
		checkPincode(details.pincode());
		centre.describe(details.address(), details.phone(), details.email(), now);
		centre.postTo(details.pincode(), now);
		audit.record(AuditRecord.success(actor, "UPDATE", "CENTRE", id, null));
		return centre.toCentre();
	}

	@Transactional
	public Centre toggleActive(long id, Actor actor) {
		var centre = centre(id);
		access.requireRole(actor, SET_UP, "TOGGLE_ACTIVE", "CENTRE", id);
		access.requireCentre(actor, null, "TOGGLE_ACTIVE", "CENTRE", id);
		centre.toggleActive(clock.instant());
		audit.record(AuditRecord.success(actor, "TOGGLE_ACTIVE", "CENTRE", id, null));
		return centre.toCentre();
	}

	/** Soft delete: appointments and staff keep pointing at it; it disappears from every list. */
	@Transactional
	public void close(long id, Actor actor) {
		var centre = centre(id);
		access.requireRole(actor, SET_UP, "DELETE", "CENTRE", id);
		access.requireCentre(actor, null, "DELETE", "CENTRE", id);
		centre.delete(clock.instant());
		audit.record(AuditRecord.success(actor, "DELETE", "CENTRE", id, null));
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
		return centres.findById(id).filter(c -> !c.isDeleted()).orElseThrow(() -> Refusal.notFound("Centre"));
	}

	static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			throw Refusal.invalidField("timeZone", "Unknown time zone");
		}
	}

	/** A postal code: letters, digits, spaces and hyphens, 12 at most (India's are six digits). */
	private static void checkPincode(@Nullable String pincode) {
		if (pincode != null && !pincode.isBlank() && !pincode.trim().matches("[A-Za-z0-9 -]{1,12}")) {
			throw Refusal.invalidField("pincode", "Pincode must be at most 12 letters, digits, spaces or hyphens");
		}
	}
}
