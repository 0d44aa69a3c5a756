package io.polyclinic.files.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.polyclinic.platform.Refusal;
import io.polyclinic.support.TestImages;

/**
 * The S3 adapter against a local stub of S3's REST API for objects (PutObject, GetObject, DeleteObject), addressed
 * path-style at an overridden endpoint as S3-compatible stores are: the requests it signs and sends, and how it reads
 * S3's documented answers and errors.
 */
class S3StorageTests {

	private static final String OBJECT = "/clinic-uploads/polyclinic/profile-pictures/5d1d7f3a.png";

	private WireMockServer s3;
	private S3Storage storage;

	@BeforeEach
	void start() {
		s3 = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		s3.start();
		storage = new S3Storage(new FilesProperties.S3("clinic-uploads", s3.baseUrl(), "eu-west-1", "AKIDEXAMPLE",
				"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "polyclinic", true, Duration.ofSeconds(5),
				Duration.ofSeconds(15)));
	}

	@AfterEach
	void stop() {
		storage.close();
		s3.stop();
	}

	@Test
	void putsAnObjectPathStyleWithItsTypeSignedWithSignatureVersion4() throws Exception {
		s3.stubFor(put(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(200)
			.withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
		byte[] png = TestImages.png();

		storage.put("profile-pictures/5d1d7f3a.png", png, "image/png");

		s3.verify(putRequestedFor(urlEqualTo(OBJECT))
			.withHeader("Content-Type", equalTo("image/png"))
			.withHeader("Content-Length", equalTo(String.valueOf(png.length)))
			.withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-1/s3/"
					+ "aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}"))
			// sent whole, its SHA-256 signed: no aws-chunked encoding, which S3-compatible stores do not all take
			.withHeader("x-amz-content-sha256", equalTo(sha256(png)))
			.withRequestBody(binaryEqualTo(png)));
		assertThat(storage.name()).isEqualTo("s3");
	}

	private static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	@Test
	void getsAnObjectsBytes() throws Exception {
		byte[] png = TestImages.png();
		s3.stubFor(get(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png")
			.withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")
			.withBody(png)));

		try (InputStream in = storage.get("profile-pictures/5d1d7f3a.png").orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(png);
		}
	}

	@Test
	void aMissingObjectIsEmpty() {
		s3.stubFor(get(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/xml")
			.withBody("""
					<?xml version="1.0" encoding="UTF-8"?>
					<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>
					<Key>polyclinic/profile-pictures/5d1d7f3a.png</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>""")));

		assertThat(storage.get("profile-pictures/5d1d7f3a.png")).isEmpty();
	}

	@Test
	void aRefusingStoreIsUnavailableNotAnError() {
		String denied = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>1D5H9EXAMPLE</RequestId></Error>""";
		s3.stubFor(put(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/xml").withBody(denied)));
		s3.stubFor(get(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/xml").withBody(denied)));

		assertThatThrownBy(() -> storage.put("profile-pictures/5d1d7f3a.png", TestImages.png(), "image/png"))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.is(Refusal.Kind.UNAVAILABLE, "STORAGE_UNAVAILABLE"))
				.isTrue());
		assertThatThrownBy(() -> storage.get("profile-pictures/5d1d7f3a.png"))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.is(Refusal.Kind.UNAVAILABLE, "STORAGE_UNAVAILABLE"))
				.isTrue());
	}

	@Test
	void deletesAnObject() {
		s3.stubFor(delete(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(204)));

		storage.delete("profile-pictures/5d1d7f3a.png");

		s3.verify(deleteRequestedFor(urlEqualTo(OBJECT)).withHeader("Authorization", containing("AKIDEXAMPLE/")));
	}
}
