package io.polyclinic.identity;

/**
 * What a one-time code is for; a code asked for one purpose never serves another.
 */
public enum OtpPurpose {
	STAFF_LOGIN, PATIENT_LOGIN
}
