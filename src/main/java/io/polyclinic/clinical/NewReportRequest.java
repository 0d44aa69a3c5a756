package io.polyclinic.clinical;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A clinician asks a patient of theirs for the reports of some tests.
 *
 * @param patientId the directory's patient id
 * @param requestedTests which tests ("CBC, Lipid Profile, HbA1c")
 * @param dueDate the day by which they are wanted, on the clinician's calendar: today or later
 */
public record NewReportRequest(long patientId, @Nullable String requestedTests, @Nullable LocalDate dueDate,
		@Nullable String additionalNotes) {
}
