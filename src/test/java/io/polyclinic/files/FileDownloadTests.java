package io.polyclinic.files;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.files.internal.UrlSigner;
import io.polyclinic.platform.Actor;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.RawDownloads;
import io.polyclinic.support.TestImages;

/**
 * {@code GET /files/{id}?expires=…&signature=…} on the running application: a good link serves the file's bytes with
 * its type and no token; a changed, made-up or expired link is refused in the application's neutral error shape,
 * never with a stack trace.
 */
class FileDownloadTests extends ApiTest {

	@Autowired
	FileStore files;
	@Autowired
	UrlSigner signer;
	@Autowired
	Clinic clinic;

	RawDownloads raw;
	Actor admin;

	@BeforeEach
	void setUp() {
		raw = new RawDownloads(port);
		admin = clinic.admin();
	}

	@Test
	void aSignedLinkServesTheBytesWithTheirTypeToAnyoneWhoHoldsIt() {
		for (byte[] image : new byte[][] { TestImages.png(), TestImages.jpeg(), TestImages.gif(), TestImages.webp() }) {
			StoredFile file = files.store(admin, FilePurpose.PROFILE_PICTURE, image, "picture.bin");
			String url = files.url(file).url();
			assertThat(url).startsWith("http://localhost:8080/files/" + file.id() + "?expires=");

			HttpResponse<byte[]> res = raw.get(url);

			assertThat(res.statusCode()).isEqualTo(200);
			assertThat(res.body()).isEqualTo(image);
			assertThat(res.headers().firstValue("Content-Type")).contains(file.contentType());
			assertThat(res.headers().firstValue("Content-Length")).contains(String.valueOf(image.length));
			assertThat(res.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(res.headers().firstValue("Content-Disposition")).hasValueSatisfying(
					v -> assertThat(v).startsWith("inline"));
			assertThat(res.headers().firstValue("Cache-Control")).contains("max-age=86400, private");
		}
	}

	@Test
	void aDocumentIsDownloadedNotShownAndCachedNoLongerThanItsLink() {
		StoredFile report = files.store(admin, FilePurpose.MEDICAL_DOCUMENT, TestImages.pdf(), "lab report.pdf");

		HttpResponse<byte[]> res = raw.get(files.url(report, Duration.ofMinutes(5)).url());

		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).isEqualTo(TestImages.pdf());
		assertThat(res.headers().firstValue("Content-Type")).contains("application/pdf");
		assertThat(res.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
			.startsWith("attachment").contains("lab report.pdf"));
		assertThat(res.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
			.matches("max-age=(2[5-9]\\d|30[01]), private"));
	}

	@Test
	void aChangedLinkIsRefusedInTheNeutralShape() {
		StoredFile picture = files.store(admin, FilePurpose.PROFILE_PICTURE, TestImages.png(), "me.png");
		StoredFile other = files.store(admin, FilePurpose.PROFILE_PICTURE, TestImages.gif(), "other.gif");
		String url = files.url(picture).url();
		String expires = url.replaceAll(".*expires=(\\d+).*", "$1");
		String signature = url.replaceAll(".*signature=([^&]+).*", "$1");
		String tampered = signature.substring(0, signature.length() - 1)
				+ (signature.endsWith("A") ? "B" : "A");

		for (String changed : new String[] { "/files/" + picture.id() + "?expires=" + expires + "&signature=" + tampered,
				"/files/" + picture.id() + "?expires=" + (Long.parseLong(expires) + 3600) + "&signature=" + signature,
				"/files/" + other.id() + "?expires=" + expires + "&signature=" + signature,
				"/files/" + picture.id() + "?expires=" + expires,
				"/files/" + picture.id(),
				"/files/" + picture.id() + "?expires=soon&signature=" + signature,
				"/files/not-a-uuid?expires=" + expires + "&signature=" + signature }) {
			HttpResponse<byte[]> res = raw.get(changed);

			assertThat(res.statusCode()).as(changed).isEqualTo(403);
			assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
					v -> assertThat(v).startsWith("application/json"));
			var body = RawDownloads.json(res);
			assertThat(keys(body)).containsExactly("error", "message", "status");
			assertThat(body.path("error").asString()).isEqualTo("INVALID_SIGNATURE");
			assertThat(body.path("status").asInt()).isEqualTo(403);
		}
	}

	@Test
	void anExpiredLinkIsRefusedAndAnUnknownFileIsNotFound() {
		StoredFile picture = files.store(admin, FilePurpose.PROFILE_PICTURE, TestImages.png(), "me.png");
		long past = Instant.now().minusSeconds(5).getEpochSecond();

		var expired = raw.get("/files/" + picture.id() + "?expires=" + past + "&signature=" + signer.sign(picture.id(),
				past));
		assertThat(expired.statusCode()).isEqualTo(403);
		assertThat(keys(RawDownloads.json(expired))).containsExactly("error", "message", "status");
		assertThat(RawDownloads.json(expired).path("error").asString()).isEqualTo("LINK_EXPIRED");

		UUID unknown = UUID.randomUUID();
		long future = Instant.now().plusSeconds(600).getEpochSecond();
		var missing = raw.get("/files/" + unknown + "?expires=" + future + "&signature=" + signer.sign(unknown, future));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(keys(RawDownloads.json(missing))).containsExactly("error", "message", "status");
		assertThat(RawDownloads.json(missing).path("error").asString()).isEqualTo("NOT_FOUND");
	}
}
