package io.polyclinic.clinical;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;

/**
 * A patient's chart summed up for one screen. Read by whoever may see the patient (the patient, the clinicians who
 * care for them, staff who reach them, administrators); the read is audited, and every refusal. Each part is one
 * indexed query on the patient; nothing is loaded whole.
 */
@Service
@Transactional(readOnly = true)
public class MedicalSummaries {

	/** How many of the newest documents a summary shows. */
	public static final int RECENT = 5;

	private static final String RESOURCE = "MEDICAL_SUMMARY";

	private final ChartAccess access;
	private final MedicalHistories histories;
	private final Vitals vitals;
	private final MedicalDocuments documents;
	private final AuditLog audit;

	MedicalSummaries(ChartAccess access, MedicalHistories histories, Vitals vitals, MedicalDocuments documents,
			AuditLog audit) {
		this.access = access;
		this.histories = histories;
		this.vitals = vitals;
		this.documents = documents;
		this.audit = audit;
	}

	/**
	 * @throws io.polyclinic.platform.Refusal NOT_FOUND for no such patient; FORBIDDEN (audited) for a caller who may
	 *         not see the patient
	 */
	@Transactional // the read is audited
	public MedicalSummary of(long patientId, Actor actor) {
		Patient patient = access.requireExists(patientId);
		access.reader(actor, patientId, "READ", RESOURCE, patientId);
		MedicalSummary summary = new MedicalSummary(patientId, patient.userId(), histories.of(patient),
				vitals.latestOf(patientId).orElse(null), documents.recentOf(patientId, RECENT),
				documents.countOf(patientId), vitals.countOf(patientId));
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, patientId, patientId));
		return summary;
	}
}
