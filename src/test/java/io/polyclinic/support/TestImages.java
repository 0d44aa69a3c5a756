package io.polyclinic.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Small real files for upload tests: images drawn and encoded by the JDK (PNG, JPEG, GIF), a WebP (which the JDK
 * cannot write: a well-known valid 1×1 lossy image), a PDF, and text dressed up as an image.
 */
public final class TestImages {

	/** A valid 1×1 lossy WebP (VP8). */
	private static final String WEBP_1X1 = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";

	private TestImages() {
	}

	public static byte[] png() {
		return encode("png", BufferedImage.TYPE_INT_ARGB);
	}

	public static byte[] jpeg() {
		return encode("jpeg", BufferedImage.TYPE_INT_RGB);
	}

	public static byte[] gif() {
		return encode("gif", BufferedImage.TYPE_INT_RGB);
	}

	public static byte[] webp() {
		return Base64.getDecoder().decode(WEBP_1X1);
	}

	/** A one-page PDF, as small as the format allows. */
	public static byte[] pdf() {
		return """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII);
	}

	/** Plain text, whatever name it is given. */
	public static byte[] text() {
		return "This is not a picture, whatever its name says.\n".getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] encode(String format, int type) {
		BufferedImage image = new BufferedImage(4, 3, type);
		var g = image.createGraphics();
		g.setColor(new Color(0x2E, 0x86, 0xC1));
		g.fillRect(0, 0, 4, 3);
		g.setColor(Color.WHITE);
		g.fillRect(1, 1, 2, 1);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No " + format + " writer");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
