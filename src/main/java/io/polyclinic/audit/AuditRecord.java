package io.polyclinic.audit;

import org.jspecify.annotations.Nullable;

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
