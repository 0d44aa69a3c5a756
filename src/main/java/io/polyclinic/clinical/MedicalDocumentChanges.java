package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a document's description: a null field is left as it is. The file itself never changes (upload another
 * document instead).
 *
 * @param description a new description; an empty one empties it
 * @param verified set by a carer only
 */
public record MedicalDocumentChanges(@Nullable DocumentType type, @Nullable String title, @Nullable String description,
		@Nullable Boolean verified) {
}
