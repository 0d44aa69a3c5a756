package io.polyclinic.clinical;

/** What a medical record holds. */
public enum RecordType {
	PRESCRIPTION, LAB_RESULT, DIAGNOSIS, IMAGING, NOTE, OTHER
}
