package io.polyclinic.clinical.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.clinical.Prescription;
import io.polyclinic.clinical.PrescriptionChanges;
import io.polyclinic.clinical.PrescriptionStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A prescription as it is kept, with its medicines in the order written. Its encounter (and so its appointment,
 * patient and clinician) is fixed when it is written.
 */
@Entity
@Table(name = "prescriptions")
public class PrescriptionEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private UUID publicId;
	private long encounterId;
	private long appointmentId;
	private long patientId;
	private long clinicianId;
	private long authorUserId;
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "prescription_items", joinColumns = @JoinColumn(name = "prescription_id"))
	@OrderColumn(name = "line_number")
	private List<MedicationLine> medications = new ArrayList<>();
	private String diagnosis = "";
	private String instructions = "";
	private String notes = "";
	private LocalDate prescriptionDate;
	private LocalDate validUntil;
	private int refillsAllowed;
	@Enumerated(EnumType.STRING)
	private PrescriptionStatus status;
	private @Nullable Instant pdfGeneratedAt;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected PrescriptionEntry() {
	}

	public PrescriptionEntry(long encounterId, long appointmentId, long patientId, long clinicianId,
			long authorUserId, LocalDate prescriptionDate, LocalDate validUntil, Instant now) {
		this.publicId = UUID.randomUUID();
		this.encounterId = encounterId;
		this.appointmentId = appointmentId;
		this.patientId = patientId;
		this.clinicianId = clinicianId;
		this.authorUserId = authorUserId;
		this.prescriptionDate = prescriptionDate;
		this.validUntil = validUntil;
		this.status = PrescriptionStatus.ACTIVE;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Sets what the changes name, and nothing else; the values have been checked. */
	public void record(PrescriptionChanges changes, Instant now) {
		if (changes.medications() != null) {
			medications.clear();
			changes.medications().forEach(m -> medications.add(new MedicationLine(m)));
		}
		if (changes.diagnosis() != null) {
			diagnosis = changes.diagnosis().strip();
		}
		if (changes.instructions() != null) {
			instructions = changes.instructions().strip();
		}
		if (changes.notes() != null) {
			notes = changes.notes().strip();
		}
		if (changes.prescriptionDate() != null) {
			prescriptionDate = changes.prescriptionDate();
		}
		if (changes.validUntil() != null) {
			validUntil = changes.validUntil();
		}
		if (changes.refillsAllowed() != null) {
			refillsAllowed = changes.refillsAllowed();
		}
		if (changes.status() != null) {
			status = changes.status();
		}
		updatedAt = now;
	}

	/** Its PDF was made now. */
	public void printed(Instant now) {
		pdfGeneratedAt = now;
	}

	public long getId() {
		if (id == null) {
			throw new IllegalStateException("A prescription has an id once saved");
		}
		return id;
	}

	public long getPatientId() {
		return patientId;
	}

	public long getClinicianId() {
		return clinicianId;
	}

	public LocalDate getPrescriptionDate() {
		return prescriptionDate;
	}

	public LocalDate getValidUntil() {
		return validUntil;
	}

	public Prescription toPrescription(long patientUserId) {
		return new Prescription(getId(), publicId, encounterId, appointmentId, patientId, patientUserId, clinicianId,
				authorUserId, medications.stream().map(MedicationLine::toMedication).toList(), diagnosis, instructions,
				notes, prescriptionDate, validUntil, refillsAllowed, status, pdfGeneratedAt, createdAt, updatedAt);
	}
}
