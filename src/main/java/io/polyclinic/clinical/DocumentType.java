package io.polyclinic.clinical;

/** What a medical document is. */
public enum DocumentType {
	LAB_REPORT, IMAGING, PRESCRIPTION, DISCHARGE_SUMMARY, CONSULTATION_NOTE, INSURANCE_CARD, ID_DOCUMENT, OTHER
}
