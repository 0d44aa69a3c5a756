package io.polyclinic.clinical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A clinician's request to a patient for the reports of some tests.
 *
 * @param code {@code REQ-<year>-<number>}, the number counted per year from 1 and at least three digits
 *        ({@code REQ-2025-001}); the year is the clinician's when they asked
 * @param dueDate a day on the clinician's calendar
 */
public record ReportRequest(long id, UUID publicId, String code, long patientId, long clinicianId,
		String requestedTests, LocalDate dueDate, @Nullable String additionalNotes, ReportRequestStatus status,
		Instant createdAt) {
}
