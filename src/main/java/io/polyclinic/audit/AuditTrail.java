package io.polyclinic.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Reads the audit trail: what happened to one record, newest first, a bounded page at a time. The trail names
 * patients and who looked at them, so only administrators (and the clinic's own processes) read it; anyone else is
 * refused, and the refusal is on the trail too.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	public static final int MAXIMUM_LIMIT = 500;

	private final JdbcClient jdbc;
	private final AuditLog log;

	AuditTrail(JdbcClient jdbc, AuditLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	/**
	 * @param limit from 1 to {@value #MAXIMUM_LIMIT}; beyond either end it is cut to it
	 * @throws Refusal FORBIDDEN unless the caller is an administrator or the clinic itself
	 */
	public List<Entry> of(String resourceType, String resourceId, int limit, Actor actor) {
		if (!actor.isSystem() && !actor.is(Role.ADMIN)) {
			log.recordDenied(AuditRecord.denied(actor, "READ", "AUDIT_TRAIL", resourceType + ":" + resourceId, null));
			throw Refusal.forbidden();
		}
		return jdbc.sql("""
				SELECT occurred_at, actor_user_id, actor_role, action, resource_type, resource_id, patient_id, outcome,
				       client_address, detail
				FROM audit_entries WHERE resource_type = ? AND resource_id = ?
				ORDER BY occurred_at DESC, id DESC LIMIT ?""")
			.params(resourceType, resourceId, Math.min(Math.max(limit, 1), MAXIMUM_LIMIT))
			.query((rs, i) -> new Entry(rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
					(Long) rs.getObject("actor_user_id"), rs.getString("actor_role"), rs.getString("action"),
					rs.getString("resource_type"), rs.getString("resource_id"), (Long) rs.getObject("patient_id"),
					AuditRecord.Outcome.valueOf(rs.getString("outcome")), rs.getString("client_address"),
					rs.getString("detail")))
			.list();
	}

	public record Entry(Instant occurredAt, @Nullable Long actorUserId, @Nullable String actorRole, String action,
			String resourceType, @Nullable String resourceId, @Nullable Long patientId, AuditRecord.Outcome outcome,
			@Nullable String clientAddress, @Nullable String detail) {
	}
}
