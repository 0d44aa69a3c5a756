package io.polyclinic.directory;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * The one answer to "may this caller see this patient?" and "does this caller run this centre?", which every module
 * asks (scheduling, billing, clinical, messaging, video, notify, analytics) instead of deciding for itself. A caller's
 * own patient or clinician record, and the centre a member of staff works at, come from the {@link Actor}, never
 * from a face's parameter. Every refusal is written to the audit trail.
 *
 * <p>Patients: staff of the whole clinic see every patient; staff of a centre the patients of their centre (those
 * registered there or booked there); a patient only themself; a clinician the patients they care for (an
 * appointment with them, or an accepted request).
 */
@Service
@Transactional(readOnly = true)
public class AccessPolicy {

	/** Staff who work at one centre when they are assigned to one. */
	public static final Set<Role> CENTRE_BOUND = EnumSet.of(Role.CENTRE_MANAGER, Role.FRONT_DESK,
			Role.CARE_COORDINATOR, Role.SECRETARY);

	private final JdbcClient jdbc;
	private final CareTeam careTeam;
	private final AuditLog audit;

	AccessPolicy(JdbcClient jdbc, CareTeam careTeam, AuditLog audit) {
		this.jdbc = jdbc;
		this.careTeam = careTeam;
		this.audit = audit;
	}

	/** How far the caller reaches: one indexed look-up of their own record, remembered for the caller's request. */
	public Reach reachOf(Actor actor) {
		return actor.remember(Reach.class, () -> resolve(actor));
	}

	private Reach resolve(Actor actor) {
		if (actor.isSystem() || actor.is(Role.ADMIN, Role.MANAGER)) {
			return Reach.CLINIC;
		}
		if (CENTRE_BOUND.contains(actor.role())) {
			Long centre = jdbc.sql("SELECT centre_id FROM staff_members WHERE user_id = ?").param(actor.userId())
				.query((rs, i) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
			return centre == null ? Reach.CLINIC : Reach.centre(centre);
		}
		if (actor.role() == Role.PATIENT) {
			return jdbc.sql("SELECT id FROM patients WHERE user_id = ?").param(actor.userId()).query(Long.class)
				.optional().map(Reach::patient).orElse(Reach.NONE);
		}
		if (actor.role() == Role.CLINICIAN) {
			return jdbc.sql("SELECT id FROM clinicians WHERE user_id = ? AND deleted_at IS NULL").param(actor.userId())
				.query(Long.class).optional().map(Reach::clinician).orElse(Reach.NONE);
		}
		return Reach.NONE;
	}

	public boolean maySeePatient(Actor actor, long patientId) {
		return maySeePatient(reachOf(actor), patientId);
	}

	public boolean maySeePatient(Reach reach, long patientId) {
		return switch (reach.kind()) {
			case CLINIC -> true;
			case CENTRE -> careTeam.belongsTo(patientId, reach.centreId());
			case PATIENT -> reach.isPatient(patientId);
			case CLINICIAN -> careTeam.caresFor(reach.clinicianId(), patientId);
			case NONE -> false;
		};
	}

	/** Refuses (audited) unless the caller may see the patient's data; answers the caller's reach. */
	public Reach requirePatient(Actor actor, long patientId, String action) {
		Reach reach = reachOf(actor);
		if (!maySeePatient(reach, patientId)) {
			throw denied(actor, action, "PATIENT", patientId, patientId);
		}
		return reach;
	}

	/** Refuses (audited) unless the caller runs this centre (a null centre: unless they run the whole clinic). */
	public Reach requireCentre(Actor actor, @Nullable Long centreId, String action, String resource,
			@Nullable Object resourceId) {
		Reach reach = reachOf(actor);
		if (!reach.runs(centreId)) {
			throw denied(actor, action, resource, resourceId, null);
		}
		return reach;
	}

	/** Refuses (audited) unless the caller has one of the roles. */
	public void requireRole(Actor actor, Set<Role> roles, String action, String resource, @Nullable Object resourceId) {
		if (!actor.isSystem() && roles.stream().noneMatch(actor::is)) {
			throw denied(actor, action, resource, resourceId, null);
		}
	}

	/** Records a refusal in the audit trail and answers it, for the caller to throw. */
	public Refusal denied(Actor actor, String action, String resource, @Nullable Object resourceId,
			@Nullable Long patientId) {
		audit.recordDenied(AuditRecord.denied(actor, action, resource, resourceId, patientId));
		return Refusal.forbidden();
	}
}
