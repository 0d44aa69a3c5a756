package io.polyclinic.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.polyclinic.support.TestImages;

/** The local storage, for real, on a temporary directory. */
class LocalDirectoryStorageTests {

	@TempDir
	Path root;

	@Test
	void keepsObjectsAsFilesUnderItsRootAndReadsThemBack() throws Exception {
		var storage = new LocalDirectoryStorage(root);
		byte[] png = TestImages.png();

		storage.put("profile-pictures/a.png", png, "image/png");

		assertThat(root.resolve("profile-pictures/a.png")).hasBinaryContent(png);
		try (Stream s = new Stream(storage.get("profile-pictures/a.png").orElseThrow())) {
			assertThat(s.in.readAllBytes()).isEqualTo(png);
		}
		try (var files = Files.list(root.resolve("profile-pictures"))) {
			assertThat(files).as("no temporary file is left behind").hasSize(1);
		}
		assertThat(storage.name()).isEqualTo("local");
	}

	@Test
	void aMissingObjectIsEmptyAndDeletingTwiceIsHarmless() {
		var storage = new LocalDirectoryStorage(root);
		assertThat(storage.get("profile-pictures/none.png")).isEmpty();

		storage.put("medical-documents/b.pdf", TestImages.pdf(), "application/pdf");
		storage.delete("medical-documents/b.pdf");
		storage.delete("medical-documents/b.pdf");

		assertThat(storage.get("medical-documents/b.pdf")).isEmpty();
	}

	@Test
	void aKeyCannotLeaveTheRoot() {
		var storage = new LocalDirectoryStorage(root.resolve("files"));

		assertThatThrownBy(() -> storage.put("../escaped.png", TestImages.png(), "image/png"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> storage.get("a/../../escaped.png")).isInstanceOf(IllegalArgumentException.class);
		assertThat(root.resolve("escaped.png")).doesNotExist();
	}

	private record Stream(InputStream in) implements AutoCloseable {
		@Override
		public void close() throws Exception {
			in.close();
		}
	}
}
