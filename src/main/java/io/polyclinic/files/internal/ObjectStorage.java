package io.polyclinic.files.internal;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where the bytes of uploads live: a local directory by default, an S3-compatible bucket when configured. Keys are
 * made by the files module ({@code profile-pictures/<uuid>.png}); a storage never sees a client's file name.
 */
public interface ObjectStorage {

	/** The storage's name, kept on each file's row: {@code local}, {@code s3}. */
	String name();

	/**
	 * Stores an object under the key, replacing none: keys are fresh.
	 *
	 * @throws io.polyclinic.platform.Refusal UNAVAILABLE STORAGE_UNAVAILABLE when the storage cannot take it
	 */
	void put(String key, byte[] content, String contentType);

	/**
	 * The object's bytes, to be closed by the reader; empty when the storage has no such object.
	 *
	 * @throws io.polyclinic.platform.Refusal UNAVAILABLE STORAGE_UNAVAILABLE when the storage cannot be read
	 */
	Optional<InputStream> get(String key);

	/** Removes the object if it is there; a failure is logged, not thrown (it only leaves an orphan behind). */
	void delete(String key);
}
