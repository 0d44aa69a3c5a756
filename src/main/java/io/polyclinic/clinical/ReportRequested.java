package io.polyclinic.clinical;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A clinician asked a patient for the reports of some tests: the patient is told.
 *
 * @param patientUserId the patient's account, who is told
 * @param clinicianName who asked
 */
public record ReportRequested(UUID requestId, String code, long patientId, long patientUserId, long clinicianId,
		String clinicianName, String requestedTests, LocalDate dueDate) {
}
