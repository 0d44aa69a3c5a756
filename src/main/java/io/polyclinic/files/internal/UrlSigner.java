package io.polyclinic.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs and checks download links: HMAC-SHA256 over the file's public id and the link's expiry (epoch seconds), in
 * base64url. A signature is good for the one file and the one expiry it was made for; changing either breaks it.
 */
public final class UrlSigner {

	/** What a link's signature covers, besides id and expiry: a version, so that the scheme can change. */
	private static final String SCHEME = "polyclinic-file-v1";

	private final SecretKeySpec key;

	public UrlSigner(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	public String sign(UUID file, long expiresEpochSecond) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] signature = mac.doFinal((SCHEME + '\n' + file + '\n' + expiresEpochSecond)
				.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	/** Whether the signature is the one this key makes for the file and expiry (compared in constant time). */
	public boolean verifies(UUID file, long expiresEpochSecond, @Nullable String signature) {
		if (signature == null || signature.isEmpty()) {
			return false;
		}
		byte[] expected = sign(file, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	/** Whether a link that expires then is still good now (the expiry second itself included). */
	public static boolean current(long expiresEpochSecond, Instant now) {
		return now.getEpochSecond() <= expiresEpochSecond;
	}
}
