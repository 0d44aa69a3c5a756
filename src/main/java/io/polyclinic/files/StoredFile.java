package io.polyclinic.files;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored upload as the clinic knows it. Holding one is what lets a caller get a download link for it
 * ({@link FileStore#url}): it comes from {@link FileStore#store} or from {@link FileStore#find}, which decide who may.
 *
 * @param id the file's public id, the one its download links name
 * @param ownerUserId the user who stored it; null for a file the clinic stored itself
 * @param contentType the type judged from the content: {@code image/png}…
 * @param size in bytes
 * @param name the name the uploader gave it, cleaned of any path; null when none was given
 */
public record StoredFile(UUID id, @Nullable Long ownerUserId, FilePurpose purpose, FileType type, String contentType,
		long size, @Nullable String name, Instant createdAt) {
}
