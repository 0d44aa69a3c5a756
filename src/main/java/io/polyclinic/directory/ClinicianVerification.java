package io.polyclinic.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.internal.ClinicianProfile;
import io.polyclinic.directory.internal.Clinicians;
import io.polyclinic.files.FilePurpose;
import io.polyclinic.files.FileStore;
import io.polyclinic.files.StoredFile;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * A clinician's KYC check: the clinician hands in documents (a licence, a degree; stored by the files module as
 * identity documents) for their own profile, which puts the check back to {@link Verification#PENDING} — new papers
 * are looked at again, as the original product does — and an administrator decides: verified or rejected, with notes.
 * The check, its notes and its documents are the clinician's own and the administrators' to see.
 */
@Service
@Transactional(readOnly = true)
public class ClinicianVerification {

	private final Clinicians clinicians;
	private final FileStore files;
	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	ClinicianVerification(Clinicians clinicians, FileStore files, JdbcClient jdbc,
			AccessPolicy access, AuditLog audit, Clock clock) {
		this.clinicians = clinicians;
		this.files = files;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A document to hand in: its bytes and the name the uploader gave it. */
	public record Upload(byte[] content, @Nullable String name) {
	}

	/** A document handed in, with a download link that expires ({@code polyclinic.files.url-ttl}). */
	public record Document(long id, UUID fileId, @Nullable String name, String contentType, long size,
			Instant uploadedAt, String url) {
	}

	/** Where a clinician's check stands, with its documents in the order they were handed in. */
	public record Check(long clinicianId, Verification status, @Nullable String notes, @Nullable Instant decidedAt,
			List<Document> documents) {
	}

	/**
	 * The calling clinician hands in documents for their own check, which becomes pending.
	 *
	 * @throws Refusal FORBIDDEN (audited) for a caller who is no clinician with a profile; INVALID_INPUT
	 *         ({@code documents}) when none is given; the files module's refusals of a file (type, size, empty)
	 */
	@Transactional
	public Check submit(List<Upload> uploads, Actor actor) {
		ClinicianProfile profile = own(actor, "SUBMIT_KYC");
		if (uploads.isEmpty()) {
			throw Refusal.invalidField("documents", "At least one document is required.");
		}
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		for (Upload upload : uploads) {
			StoredFile file = files.store(actor, FilePurpose.IDENTITY_DOCUMENT, upload.content(), upload.name());
			jdbc.sql("""
					INSERT INTO clinician_kyc_documents (clinician_id, file_id, name, content_type, size_bytes, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(profile.getId(), file.id(), file.name(), file.contentType(), file.size(), now)
				.update();
		}
		profile.awaitVerification(now.toInstant());
		clinicians.save(profile);
		audit.record(AuditRecord.success(actor, "SUBMIT_KYC", "CLINICIAN", profile.getId(), null));
		return check(profile);
	}

	/**
	 * An administrator decides a clinician's check: {@link Verification#VERIFIED} (the clinician is shown to the public
	 * and takes bookings) or {@link Verification#REJECTED}.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone but an administrator; NOT_FOUND for no such clinician;
	 *         INVALID_INPUT ({@code kycStatus}) for PENDING
	 */
	@Transactional
	public Check decide(long clinicianId, Verification decision, @Nullable String notes, Actor actor) {
		if (!actor.role().isAdministrator()) {
			throw access.denied(actor, "DECIDE_KYC", "CLINICIAN", clinicianId, null);
		}
		if (decision == Verification.PENDING) {
			throw Refusal.invalidField("kycStatus", "The decision is verified or rejected.");
		}
		if (notes != null && notes.length() > 2000) {
			throw Refusal.invalidField("notes", "Ensure this field has no more than 2000 characters.");
		}
		ClinicianProfile profile = clinicians.findById(clinicianId).filter(p -> !p.isDeleted())
			.orElseThrow(() -> Refusal.notFound("Doctor"));
		profile.decideVerification(decision, notes, clock.instant());
		clinicians.save(profile);
		audit.record(AuditRecord.success(actor, "DECIDE_KYC_" + decision.name(), "CLINICIAN", clinicianId, null));
		return check(profile);
	}

	/**
	 * A clinician's check, to the clinician themself or an administrator.
	 *
	 * @throws Refusal NOT_FOUND for no such clinician; FORBIDDEN (audited) for anyone else
	 */
	public Check of(long clinicianId, Actor actor) {
		ClinicianProfile profile = clinicians.findById(clinicianId).filter(p -> !p.isDeleted())
			.orElseThrow(() -> Refusal.notFound("Doctor"));
		if (!actor.role().isAdministrator() && !(actor.is(Role.CLINICIAN) && profile.getUserId() == actor.userId())) {
			throw access.denied(actor, "READ_KYC", "CLINICIAN", clinicianId, null);
		}
		return check(profile);
	}

	/** The calling clinician's own check. */
	public Check own(Actor actor) {
		return check(own(actor, "READ_KYC"));
	}

	private ClinicianProfile own(Actor actor, String action) {
		return (actor.is(Role.CLINICIAN) ? clinicians.findByUserId(actor.userId()).filter(p -> !p.isDeleted())
				: java.util.Optional.<ClinicianProfile>empty())
			.orElseThrow(() -> access.denied(actor, action, "CLINICIAN", null, null));
	}

	private Check check(ClinicianProfile profile) {
		List<Document> documents = jdbc.sql("""
				SELECT id, file_id, name, content_type, size_bytes, uploaded_at FROM clinician_kyc_documents
				WHERE clinician_id = ? ORDER BY id""")
			.param(profile.getId())
			.query((rs, row) -> {
				UUID fileId = rs.getObject("file_id", UUID.class);
				// who may see the check was decided above: the file is fetched as the clinic
				String url = files.url(files.find(Actor.system(), fileId)).url();
				return new Document(rs.getLong("id"), fileId, rs.getString("name"), rs.getString("content_type"),
						rs.getLong("size_bytes"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), url);
			})
			.list();
		return new Check(profile.getId(), profile.getKycStatus(), profile.getKycNotes(), profile.getKycDecidedAt(),
				documents);
	}
}
