package io.polyclinic.clinical;

/** Where a request for test reports stands: waiting for the patient, answered with the reports, or withdrawn. */
public enum ReportRequestStatus {
	PENDING, SUBMITTED, CANCELLED
}
