package io.polyclinic.clinical;

/** When in the day a glucose reading was taken, as the patient tells it. */
public enum GlucosePeriod {
	FASTING, BEFORE_MEAL, AFTER_MEAL, BEDTIME, RANDOM
}
