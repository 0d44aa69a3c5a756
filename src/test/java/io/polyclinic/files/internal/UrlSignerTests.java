package io.polyclinic.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Link signatures: HMAC-SHA256 as documented, good for one file and one expiry only. */
class UrlSignerTests {

	private final UrlSigner signer = new UrlSigner("a-secret-of-at-least-thirty-two-bytes-for-links");
	private final UUID file = UUID.fromString("6f1c2f0e-8a54-4c1b-9a57-3f2f4c3a9d10");

	@Test
	void isHmacSha256OverTheSchemeTheFileAndTheExpiry() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("a-secret-of-at-least-thirty-two-bytes-for-links".getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
				mac.doFinal(("polyclinic-file-v1\n" + file + "\n1900000000").getBytes(StandardCharsets.UTF_8)));

		assertThat(signer.sign(file, 1_900_000_000L)).isEqualTo(expected).doesNotContain("+", "/", "=");
		assertThat(signer.verifies(file, 1_900_000_000L, expected)).isTrue();
	}

	@Test
	void aSignatureServesOnlyTheFileAndExpiryItWasMadeFor() {
		String signature = signer.sign(file, 1_900_000_000L);

		assertThat(signer.verifies(UUID.randomUUID(), 1_900_000_000L, signature)).isFalse();
		assertThat(signer.verifies(file, 1_900_000_001L, signature)).isFalse();
		assertThat(signer.verifies(file, 1_900_000_000L, signature.substring(1))).isFalse();
		assertThat(signer.verifies(file, 1_900_000_000L, (signature.charAt(0) == 'A' ? "B" : "A")
				+ signature.substring(1))).isFalse();
		assertThat(signer.verifies(file, 1_900_000_000L, "")).isFalse();
		assertThat(signer.verifies(file, 1_900_000_000L, null)).isFalse();
		assertThat(new UrlSigner("another-secret-of-at-least-thirty-two-bytes").verifies(file, 1_900_000_000L,
				signature)).isFalse();
	}

	@Test
	void aLinkIsGoodUntilItsExpirySecondIncluded() {
		assertThat(UrlSigner.current(100, Instant.ofEpochSecond(99))).isTrue();
		assertThat(UrlSigner.current(100, Instant.ofEpochSecond(100, 999_000_000))).isTrue();
		assertThat(UrlSigner.current(100, Instant.ofEpochSecond(101))).isFalse();
	}
}
