package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Vital signs of a patient taken at one time.
 *
 * @param patientUserId the account of the patient
 * @param recordedByUserId who recorded them: the patient, a clinician or staff
 * @param measurements the values; temperature in degrees Fahrenheit, weight in kg, height in cm
 * @param bmi weight / (height in m)², rounded half up to one decimal; null unless both are known
 */
public record VitalSigns(long id, UUID publicId, long patientId, long patientUserId, long recordedByUserId,
		VitalMeasurements measurements, @Nullable BigDecimal bmi, Instant recordedAt, Instant updatedAt) {
}
