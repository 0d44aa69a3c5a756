package io.polyclinic.directory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.DiabetesType;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.identity.Account;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "patients")
public class PatientProfile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private Long userId;
	private @Nullable LocalDate dateOfBirth;
	private @Nullable String gender;
	private @Nullable String bloodGroup;
	private @Nullable String emergencyContactName;
	private @Nullable String emergencyContactPhone;
	private @Nullable String medicalHistory;
	@Enumerated(EnumType.STRING)
	private @Nullable DiabetesType diabetesType;
	@Enumerated(EnumType.STRING)
	private LeadSource leadSource;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected PatientProfile() {
	}

	public PatientProfile(long userId, LeadSource leadSource, Instant now) {
		this.publicId = UUID.randomUUID();
		this.userId = userId;
		this.leadSource = leadSource;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Applies the demographic and medical fields given; the contact fields belong to the account. */
	public void update(PatientDetails details, Instant now) {
		if (details.dateOfBirth() != null) {
			this.dateOfBirth = details.dateOfBirth();
		}
		if (details.gender() != null) {
			this.gender = details.gender();
		}
		if (details.bloodGroup() != null) {
			this.bloodGroup = details.bloodGroup();
		}
		if (details.emergencyContactName() != null) {
			this.emergencyContactName = details.emergencyContactName();
		}
		if (details.emergencyContactPhone() != null) {
			this.emergencyContactPhone = details.emergencyContactPhone();
		}
		if (details.medicalHistory() != null) {
			this.medicalHistory = details.medicalHistory();
		}
		if (details.diabetesType() != null) {
			this.diabetesType = details.diabetesType();
		}
		this.updatedAt = now;
	}

	public Patient toPatient(Account account) {
		return new Patient(id, publicId, userId, account.fullName(), account.phone(), account.email(), dateOfBirth, gender,
				bloodGroup, emergencyContactName, emergencyContactPhone, medicalHistory, leadSource, createdAt, diabetesType,
				account.publicId());
	}

	public Long getId() { return id; }
	public Long getUserId() { return userId; }
}
