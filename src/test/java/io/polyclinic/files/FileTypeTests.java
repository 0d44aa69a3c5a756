package io.polyclinic.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.TestImages;

/** Types are told by content: real images of each kind are recognised, and text is text whatever it pretends. */
class FileTypeTests {

	@Test
	void recognisesRealFilesOfEachKind() {
		assertThat(FileType.of(TestImages.png())).contains(FileType.PNG);
		assertThat(FileType.of(TestImages.jpeg())).contains(FileType.JPEG);
		assertThat(FileType.of(TestImages.gif())).contains(FileType.GIF);
		assertThat(FileType.of(TestImages.webp())).contains(FileType.WEBP);
		assertThat(FileType.of(TestImages.pdf())).contains(FileType.PDF);
		assertThat(FileType.PNG.contentType()).isEqualTo("image/png");
		assertThat(FileType.JPEG.contentType()).isEqualTo("image/jpeg");
		assertThat(FileType.GIF.contentType()).isEqualTo("image/gif");
		assertThat(FileType.WEBP.contentType()).isEqualTo("image/webp");
		assertThat(FileType.PDF.contentType()).isEqualTo("application/pdf");
	}

	@Test
	void refusesWhatOnlyLooksLikeAnImage() {
		assertThat(FileType.of(TestImages.text())).isEmpty();
		assertThat(FileType.of(new byte[0])).isEmpty();
		assertThat(FileType.of("PNG but not really".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		// a RIFF container that is not WebP (a WAV file)
		assertThat(FileType.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileType.of("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		// a truncated PNG signature
		byte[] png = TestImages.png();
		assertThat(FileType.of(java.util.Arrays.copyOf(png, 5))).isEmpty();
	}

	@Test
	void profilePicturesAreImagesOnly() {
		assertThat(FilePurpose.PROFILE_PICTURE.allowedTypes()).containsExactlyInAnyOrder(FileType.PNG, FileType.JPEG,
				FileType.GIF, FileType.WEBP);
		assertThat(FilePurpose.MEDICAL_DOCUMENT.allows(FileType.PDF)).isTrue();
		assertThat(FilePurpose.IDENTITY_DOCUMENT.allows(FileType.PDF)).isTrue();
	}
}
