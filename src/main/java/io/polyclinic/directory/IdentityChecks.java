package io.polyclinic.directory;

import java.io.InputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.internal.IdentityCheckRecord;
import io.polyclinic.directory.internal.IdentityCheckRecords;
import io.polyclinic.files.FilePurpose;
import io.polyclinic.files.FileStore;
import io.polyclinic.files.SignedUrl;
import io.polyclinic.files.StoredFile;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Identity verification: a person uploads an identity document (a passport, a licence: an image or a PDF, judged by
 * its content), which waits for an administrator, who verifies or rejects it. The outcome is the account's
 * {@code identityVerified}, which every face shows. A person may upload again while pending or after a rejection
 * (the newest document is the one decided on); a verified identity is not checked again. An administrator decides
 * only a pending check: there is nothing to decide for a person who uploaded nothing or was decided already.
 */
@Service
@Transactional
public class IdentityChecks {

	/** Who decides: the clinic's administrators. */
	private static final Set<Role> DECIDERS = EnumSet.of(Role.ADMIN, Role.SUPERADMIN);
	private static final String RESOURCE = "IDENTITY_CHECK";

	private final IdentityCheckRecords checks;
	private final FileStore files;
	private final Accounts accounts;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	IdentityChecks(IdentityCheckRecords checks, FileStore files, Accounts accounts, AccessPolicy access, AuditLog audit,
			Clock clock) {
		this.checks = checks;
		this.files = files;
		this.accounts = accounts;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The caller's identity document, for an administrator to decide on.
	 *
	 * @throws Refusal INVALID ({@code file}) for an empty, too large or unsupported file (the files module's checks);
	 *         CONFLICT {@code ALREADY_VERIFIED} when the caller's identity is verified already; FORBIDDEN (audited)
	 *         for a guest or the system
	 */
	public IdentityCheck submit(Actor actor, InputStream document, @Nullable String name) {
		if (actor.isSystem() || actor.is(Role.GUEST)) {
			throw access.denied(actor, "CREATE", RESOURCE, null, null);
		}
		Optional<IdentityCheckRecord> existing = checks.findByUserId(actor.userId());
		if (existing.isPresent() && existing.get().isVerified()) {
			throw Refusal.conflict("ALREADY_VERIFIED", "Your identity is already verified");
		}
		StoredFile stored = files.store(actor, FilePurpose.IDENTITY_DOCUMENT, document, name);
		var now = clock.instant();
		IdentityCheckRecord check = existing.orElse(null);
		if (check == null) {
			check = new IdentityCheckRecord(actor.userId(), stored.id(), now);
		}
		else {
			check.resubmitted(stored.id(), now);
		}
		try {
			check = checks.saveAndFlush(check);
		}
		catch (DataIntegrityViolationException e) { // two first uploads at once: one check per person
			throw Refusal.conflict("ALREADY_SUBMITTED", "An identity document is already being submitted");
		}
		audit.record(AuditRecord.success(actor, "SUBMIT", RESOURCE, check.view().id(), null));
		return check.view();
	}

	/**
	 * An administrator's decision on a person's pending check; the account's {@code identityVerified} follows it.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone but an administrator; NOT_FOUND when the person has no pending
	 *         check (none uploaded, or decided already)
	 */
	public IdentityCheck decide(Actor actor, long userId, boolean verified) {
		access.requireRole(actor, DECIDERS, "DECIDE", RESOURCE, userId);
		IdentityCheckRecord check = checks.findByUserId(userId).filter(IdentityCheckRecord::isPending)
			.orElseThrow(() -> Refusal.notFound("Pending identity check"));
		check.decided(verified, actor.userId(), clock.instant());
		accounts.identityVerified(userId, verified);
		audit.record(AuditRecord.success(actor, verified ? "VERIFY" : "REJECT", RESOURCE, check.view().id(), null));
		return check.view();
	}

	/**
	 * A person's check, if they have one: the person themself or an administrator.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone else
	 */
	public Optional<IdentityCheck> of(long userId, Actor actor) {
		if (actor.isSystem() || actor.userId() != userId) {
			access.requireRole(actor, DECIDERS, "READ", RESOURCE, userId);
		}
		return checks.findByUserId(userId).map(IdentityCheckRecord::view);
	}

	/**
	 * A download link of the document of a person's check, for the person or an administrator to look at (signed,
	 * expiring as the files module's links do).
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone else; NOT_FOUND when the person has no check
	 */
	public SignedUrl document(long userId, Actor actor) {
		IdentityCheck check = of(userId, actor).orElseThrow(() -> Refusal.notFound("Identity check"));
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, check.id(), null));
		// who may see it was decided above; the file is the check's, not the reader's
		return files.url(files.find(Actor.system(), check.documentId()));
	}
}
