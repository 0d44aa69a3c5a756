package io.polyclinic.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.polyclinic.platform.Refusal;

/**
 * Objects as files under one directory (by default {@code files} under the data directory), a key's slashes as
 * sub-directories. A new object is written to a temporary file beside its place and moved there, so a reader never
 * sees half of it.
 */
public class LocalDirectoryStorage implements ObjectStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalDirectoryStorage.class);

	private final Path root;

	public LocalDirectoryStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public String name() {
		return "local";
	}

	public Path root() {
		return root;
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
			try {
				Files.write(temporary, content);
				try {
					Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException e) {
			log.error("Could not write {} under {}", key, root, e);
			throw Refusal.unavailable("STORAGE_UNAVAILABLE", "The file could not be stored; try again later");
		}
	}

	@Override
	public Optional<InputStream> get(String key) {
		try {
			return Optional.of(Files.newInputStream(resolve(key)));
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
		catch (IOException e) {
			log.error("Could not read {} under {}", key, root, e);
			throw Refusal.unavailable("STORAGE_UNAVAILABLE", "The file could not be read; try again later");
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("Could not delete {} under {}: {}", key, root, e.toString());
		}
	}

	/** The key's file, which must lie under the root whatever the key says. */
	private Path resolve(String key) {
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root) || path.equals(root)) {
			throw new IllegalArgumentException("A storage key outside the storage: " + key);
		}
		return path;
	}
}
