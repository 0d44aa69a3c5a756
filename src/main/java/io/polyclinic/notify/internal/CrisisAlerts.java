package io.polyclinic.notify.internal;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.polyclinic.assistant.CrisisDetected;
import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;

/**
 * A crisis the care companion detected is told, inside the app and as critical, to every clinician who cares for the
 * patient (an appointment with them, or an accepted request) — nobody else, and each once per intervention. What the
 * patient wrote is not repeated: the notification names the kind of crisis and asks the clinician to reach out.
 */
@Component
class CrisisAlerts {

	static final String TOPIC = "crisis_alert";

	private final InAppNotices notices;
	private final CareTeam careTeam;
	private final PatientRegistry patients;

	CrisisAlerts(InAppNotices notices, CareTeam careTeam, PatientRegistry patients) {
		this.notices = notices;
		this.careTeam = careTeam;
		this.patients = patients;
	}

	@ApplicationModuleListener
	void on(CrisisDetected event) {
		if (event.patientId() == null) {
			return;
		}
		Patient patient = patients.findAll(Set.of(event.patientId())).get(event.patientId());
		if (patient == null) {
			return;
		}
		String message = "The care companion detected " + event.category().description() + " in what "
				+ patient.fullName() + " wrote, and gave them emergency guidance. Please reach out to them now.";
		for (long clinicianUserId : careTeam.cliniciansOf(event.patientId())) {
			notices.tell(clinicianUserId, Type.PATIENT_ALERT, TOPIC, "Crisis alert: " + patient.fullName(), message,
					patient.accountId(), Severity.CRITICAL, "crisis:" + event.interventionId());
		}
	}
}
