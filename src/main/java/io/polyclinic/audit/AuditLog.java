package io.polyclinic.audit;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.platform.web.ClientAddress;

/**
 * Writes the audit trail. A successful action is recorded in the caller's transaction (it stands or falls with the
 * write); a denied attempt in a transaction of its own, since the refusal rolls the caller's back. Entries are only
 * ever inserted.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditRecord record) {
		insert(record);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(AuditRecord record) {
		insert(record);
	}

	private void insert(AuditRecord r) {
		jdbc.sql("""
				INSERT INTO audit_entries (occurred_at, actor_user_id, actor_role, action, resource_type, resource_id,
				  patient_id, outcome, client_address, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(clock.instant().atOffset(ZoneOffset.UTC), r.actorUserId(), r.actorRole(), r.action(),
					r.resourceType(), r.resourceId(), r.patientId(), r.outcome().name(), ClientAddress.current(),
					r.detail() == null ? null : r.detail().substring(0, Math.min(500, r.detail().length())))
			.update();
	}
}
