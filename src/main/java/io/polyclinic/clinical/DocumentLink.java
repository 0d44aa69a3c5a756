package io.polyclinic.clinical;

import java.time.Instant;

/** A signed download link of a document's file, good until {@code expiresAt} for whoever holds it. */
public record DocumentLink(MedicalDocument document, String url, Instant expiresAt) {
}
