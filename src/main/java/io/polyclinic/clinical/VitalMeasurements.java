package io.polyclinic.clinical;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The values of a reading of vital signs, each optional: a new reading's missing values are not measured; a
 * correction's missing values are left as they were. Temperature in degrees Fahrenheit (90.0 to 110.0), weight in kg
 * (0.1 to 1000), height in cm (0.1 to 300).
 */
public record VitalMeasurements(@Nullable Integer bloodPressureSystolic, @Nullable Integer bloodPressureDiastolic,
		@Nullable Integer heartRate, @Nullable BigDecimal temperature, @Nullable Integer respiratoryRate,
		@Nullable Integer oxygenSaturation, @Nullable BigDecimal weight, @Nullable BigDecimal height,
		@Nullable Integer painLevel, @Nullable String notes) {

	public static VitalMeasurements none() {
		return new VitalMeasurements(null, null, null, null, null, null, null, null, null, null);
	}

	/** These values where given, the others' where not. */
	public VitalMeasurements over(VitalMeasurements old) {
		return new VitalMeasurements(or(bloodPressureSystolic, old.bloodPressureSystolic),
				or(bloodPressureDiastolic, old.bloodPressureDiastolic), or(heartRate, old.heartRate),
				or(temperature, old.temperature), or(respiratoryRate, old.respiratoryRate),
				or(oxygenSaturation, old.oxygenSaturation), or(weight, old.weight), or(height, old.height),
				or(painLevel, old.painLevel), or(notes, old.notes));
	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T old) {
		return value != null ? value : old;
	}
}
