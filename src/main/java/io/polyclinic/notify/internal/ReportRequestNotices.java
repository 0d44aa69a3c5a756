package io.polyclinic.notify.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.ReportRequested;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;

/**
 * Tells a patient, inside the app, that their doctor asked for the reports of some tests: a notice the doctor wrote,
 * under the topic {@value #TOPIC}, about the request. Runs after the request commits, once per request.
 */
@Component
class ReportRequestNotices {

	static final String TOPIC = "report_request";
	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final InAppNotices notices;

	ReportRequestNotices(InAppNotices notices) {
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(ReportRequested event) {
		notices.tell(event.patientUserId(), Type.NOTICE, TOPIC, "Lab reports requested",
				event.clinicianName() + " asked you to upload your reports of " + event.requestedTests() + " by "
						+ DUE.format(event.dueDate()) + " (" + event.code() + ").",
				event.requestId(), Severity.INFO, "report-request:" + event.requestId());
	}
}
