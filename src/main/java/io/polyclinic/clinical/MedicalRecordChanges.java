package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a medical record: a null field is left as it is; a field that may be emptied is changed by an
 * {@link Edit}, which may empty it.
 */
public record MedicalRecordChanges(@Nullable RecordType type, @Nullable String title, @Nullable Edit description,
		@Nullable Edit diagnosis, @Nullable Edit medications, @Nullable Edit labResults, @Nullable Edit attachments,
		@Nullable Edit notes, @Nullable Boolean sharedWithPatient) {

	/** A new value for a field that may be empty: a null value empties it. */
	public record Edit(@Nullable String value) {
	}
}
