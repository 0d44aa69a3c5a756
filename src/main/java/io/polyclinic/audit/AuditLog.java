package io.polyclinic.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.polyclinic.platform.web.ClientAddress;

/**
 * Writes the audit trail. A successful action is recorded in the caller's transaction (it stands or falls with the
 * write); a denied attempt in a transaction of its own, since the refusal rolls the caller's back. Entries are only
 * ever inserted.
 *
 * <p>The entries of one transaction are written together, in one statement just before it commits: a request that
 * books and sends a payment link records two actions but pays for one round trip.
 */
@Service
public class AuditLog {

	private static final String INSERT = """
			INSERT INTO audit_entries (occurred_at, actor_user_id, actor_role, action, resource_type, resource_id,
			  patient_id, outcome, client_address, detail)
			VALUES """;
	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditRecord record) {
		Entry entry = entry(record);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			insert(List.of(entry));
			return;
		}
		// the synchronizations are the current transaction's own: an inner REQUIRES_NEW transaction gets its batch
		Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
			.filter(Pending.class::isInstance).map(Pending.class::cast).filter(p -> p.owner() == this).findFirst()
			.orElseGet(() -> {
				Pending created = new Pending(this);
				TransactionSynchronizationManager.registerSynchronization(created);
				return created;
			});
		pending.entries.add(entry);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(AuditRecord record) {
		insert(List.of(entry(record)));
	}

	/** What is written, read when the action is recorded: its time and the client it came from. */
	private record Entry(OffsetDateTime occurredAt, AuditRecord record, @Nullable String clientAddress) {
	}

	private Entry entry(AuditRecord record) {
		return new Entry(clock.instant().atOffset(ZoneOffset.UTC), record, ClientAddress.current());
	}

	private void insert(List<Entry> entries) {
		List<Object> params = new ArrayList<>(entries.size() * 10);
		for (Entry e : entries) {
			AuditRecord r = e.record();
			params.add(e.occurredAt());
			params.add(r.actorUserId());
			params.add(r.actorRole());
			params.add(r.action());
			params.add(r.resourceType());
			params.add(r.resourceId());
			params.add(r.patientId());
			params.add(r.outcome().name());
			params.add(e.clientAddress());
			params.add(r.detail() == null ? null : r.detail().substring(0, Math.min(500, r.detail().length())));
		}
		jdbc.sql(INSERT + String.join(", ", java.util.Collections.nCopies(entries.size(), ROW))).params(params)
			.update();
	}

	/** A transaction's entries, written before it commits and forgotten if it rolls back. */
	private static final class Pending implements TransactionSynchronization {

		private final AuditLog log;
		private final List<Entry> entries = new ArrayList<>();

		Pending(AuditLog log) {
			this.log = log;
		}

		AuditLog owner() {
			return log;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!entries.isEmpty()) {
				log.insert(List.copyOf(entries));
				entries.clear();
			}
		}
	}
}
