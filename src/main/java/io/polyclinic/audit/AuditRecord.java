package io.polyclinic.audit;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Actor;

/**
 * One line of the audit trail: who did what to which record, and how it ended.
 *
 * @param action a verb in the clinic's words: READ, CREATE, UPDATE, CANCEL, DELETE…
 * @param resourceType what was touched: PATIENT, APPOINTMENT, PAYMENT, USER…
 * @param patientId the patient whose data it is, when it is patient data
 */
public record AuditRecord(@Nullable Long actorUserId, @Nullable String actorRole, String action, String resourceType,
		@Nullable String resourceId, @Nullable Long patientId, Outcome outcome, @Nullable String detail) {

	public enum Outcome {
		SUCCESS, DENIED, FAILED
	}

	/** A successful action of a caller. */
	public static AuditRecord success(Actor actor, String action, String resourceType, @Nullable Object resourceId,
			@Nullable Long patientId) {
		return success(actor.auditUserId(), actor.auditRole(), action, resourceType, resourceId, patientId);
	}

	/** A refused attempt of a caller. */
	public static AuditRecord denied(Actor actor, String action, String resourceType, @Nullable Object resourceId,
			@Nullable Long patientId) {
		return denied(actor.auditUserId(), actor.auditRole(), action, resourceType, resourceId, patientId);
	}

	/** An action of a caller with its outcome and a detail (a count of results, why it failed). */
	public static AuditRecord of(Actor actor, String action, String resourceType, @Nullable Object resourceId,
			@Nullable Long patientId, Outcome outcome, @Nullable String detail) {
		return new AuditRecord(actor.auditUserId(), actor.auditRole(), action, resourceType,
				resourceId == null ? null : String.valueOf(resourceId), patientId, outcome, detail);
	}

	public static AuditRecord success(@Nullable Long actorUserId, @Nullable String actorRole, String action,
			String resourceType, @Nullable Object resourceId, @Nullable Long patientId) {
		return new AuditRecord(actorUserId, actorRole, action, resourceType,
				resourceId == null ? null : String.valueOf(resourceId), patientId, Outcome.SUCCESS, null);
	}

	public static AuditRecord denied(@Nullable Long actorUserId, @Nullable String actorRole, String action,
			String resourceType, @Nullable Object resourceId, @Nullable Long patientId) {
		return new AuditRecord(actorUserId, actorRole, action, resourceType,
				resourceId == null ? null : String.valueOf(resourceId), patientId, Outcome.DENIED, null);
	}
}
