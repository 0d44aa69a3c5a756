package io.polyclinic.clinical.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.clinical.ClinicalNote;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinical note: written once, never edited (a correction is a new note). */
@Entity
@Table(name = "clinical_notes")
public class Note {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private UUID publicId;
	private long patientId;
	private @Nullable Long appointmentId;
	private long authorUserId;
	private String note;
	private Instant createdAt;

	protected Note() {
	}

	public Note(long patientId, @Nullable Long appointmentId, long authorUserId, String note, Instant now) {
		this.publicId = UUID.randomUUID();
		this.patientId = patientId;
		this.appointmentId = appointmentId;
		this.authorUserId = authorUserId;
		this.note = note;
		this.createdAt = now;
	}

	public long getAuthorUserId() {
		return authorUserId;
	}

	public ClinicalNote toClinicalNote(String authorName) {
		if (id == null) {
			throw new IllegalStateException("A note has an id once saved");
		}
		return new ClinicalNote(id, publicId, patientId, appointmentId, authorUserId, authorName, note, createdAt);
	}
}
