package io.polyclinic.directory;

/** Which diabetes a patient lives with, as their clinician recorded it or they declared it. */
public enum DiabetesType {
	TYPE_1, TYPE_2, GESTATIONAL, PREDIABETES, OTHER
}
