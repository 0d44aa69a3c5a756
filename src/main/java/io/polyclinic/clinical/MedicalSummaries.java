package io.polyclinic.clinical;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;

/**
 * A patient's chart summed up for one screen: history, latest vitals, the newest encounters, prescriptions and
 * documents, and their numbers. Read by whoever may see the patient (the patient, the clinicians who
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
	private final Encounters encounters;
	private final Prescriptions prescriptions;
	private final AuditLog audit;

	MedicalSummaries(ChartAccess access, MedicalHistories histories, Vitals vitals, MedicalDocuments documents,
			Encounters encounters, Prescriptions prescriptions, AuditLog audit) {
		this.access = access;
		this.encounters = encounters;
		this.prescriptions = prescriptions;
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
		// the caller may see the patient: these lists, within the same reach, hold all of the patient's
		Page<Encounter> visits = encounters.find(new EncounterQuery(patientId, null, null, null, null,
				EncounterQuery.Order.CREATED_AT, true), PageRequest.of(0, RECENT), actor);
		Page<Prescription> scripts = prescriptions.find(new PrescriptionQuery(patientId, null, null, null, null, null,
				PrescriptionQuery.Order.CREATED_AT, true), PageRequest.of(0, RECENT), actor);
		MedicalSummary summary = new MedicalSummary(patientId, patient.userId(), histories.of(patient),
				vitals.latestOf(patientId).orElse(null), visits.getContent(), visits.getTotalElements(),
				scripts.getContent(), scripts.getTotalElements(), documents.recentOf(patientId, RECENT),
				documents.countOf(patientId), vitals.countOf(patientId));
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, patientId, patientId));
		return summary;
	}
}
