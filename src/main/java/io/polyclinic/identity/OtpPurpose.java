package io.polyclinic.identity;

/**
 * What a one-time code is for; a code asked for one purpose never serves another. {@code SIGN_IN} is the sign-in of
 * a face with one login for everyone (sos): the code signs in whoever holds the address, and an unknown address signs
 * up as a patient. {@code PHONE_VERIFICATION} proves a signed-in person's number theirs and signs nobody in.
 */
public enum OtpPurpose {
	STAFF_LOGIN, PATIENT_LOGIN, SIGN_IN, PHONE_VERIFICATION
}
