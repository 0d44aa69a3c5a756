package io.polyclinic.files.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.Refusal;

/**
 * Opens a file for whoever holds a good link to it: the signature must be the one made for this file and this
 * expiry, and the expiry must not have passed. The signature is checked first, so that a made-up link learns nothing
 * (not even whether the file exists).
 */
@Component
public class FileDownloads {

	private static final Logger log = LoggerFactory.getLogger(FileDownloads.class);

	private final FileRecords records;
	private final ObjectStorage storage;
	private final UrlSigner signer;
	private final Clock clock;

	FileDownloads(FileRecords records, ObjectStorage storage, UrlSigner signer, Clock clock) {
		this.records = records;
		this.storage = storage;
		this.signer = signer;
		this.clock = clock;
	}

	/** A file's row and its bytes (the caller closes them). */
	public record Download(FileRecord file, InputStream content, long secondsLeft) implements AutoCloseable {

		@Override
		public void close() throws java.io.IOException {
			content.close();
		}
	}

	/**
	 * @throws Refusal FORBIDDEN INVALID_SIGNATURE (a link changed, made up or cut short), FORBIDDEN LINK_EXPIRED,
	 *         NOT_FOUND (no such file, or its bytes are gone)
	 */
	public Download open(String id, @Nullable String expires, @Nullable String signature) {
		UUID file;
		long expiry;
		try {
			file = UUID.fromString(id);
			expiry = expires == null ? -1 : Long.parseLong(expires);
		}
		catch (IllegalArgumentException e) {
			throw invalidSignature();
		}
		if (expiry < 0 || !file.toString().equals(id) || !signer.verifies(file, expiry, signature)) {
			throw invalidSignature();
		}
		Instant now = clock.instant();
		if (!UrlSigner.current(expiry, now)) {
			throw Refusal.forbidden("LINK_EXPIRED", "This download link has expired");
		}
		FileRecord record = records.findByPublicId(file).orElseThrow(() -> Refusal.notFound("File"));
		InputStream content = storage.get(record.getStorageKey()).orElseThrow(() -> {
			log.warn("Stored file {} has no bytes in storage {} under {}", file, storage.name(), record.getStorageKey());
			return Refusal.notFound("File");
		});
		return new Download(record, content, expiry - now.getEpochSecond());
	}

	private static Refusal invalidSignature() {
		return Refusal.forbidden("INVALID_SIGNATURE", "This download link is not valid");
	}
}
