package io.polyclinic.directory;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A patient's fields to set; null leaves a field as it is. */
public record PatientDetails(@Nullable String fullName, @Nullable String phone, @Nullable String email,
		@Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup,
		@Nullable String emergencyContactName, @Nullable String emergencyContactPhone, @Nullable String medicalHistory,
		@Nullable DiabetesType diabetesType) {

	/** The fields every face sets, without a diabetes type. */
	public PatientDetails(@Nullable String fullName, @Nullable String phone, @Nullable String email,
			@Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup,
			@Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
			@Nullable String medicalHistory) {
		this(fullName, phone, email, dateOfBirth, gender, bloodGroup, emergencyContactName, emergencyContactPhone,
				medicalHistory, null);
	}

	public static PatientDetails named(String fullName, String phone) {
		return new PatientDetails(fullName, phone, null, null, null, null, null, null, null);
	}
}
