package io.polyclinic.files;

import java.util.Optional;

/**
 * The kinds of file the clinic keeps, each recognised by its first bytes (its signature), never by the name or the
 * content type a client declares: a text file named {@code photo.png} is text.
 */
public enum FileType {

	PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg"),
	GIF("image/gif", "gif"),
	WEBP("image/webp", "webp"),
	PDF("application/pdf", "pdf");

	/** How many leading bytes {@link #of} needs to recognise every type. */
	public static final int SIGNATURE_LENGTH = 12;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String contentType;
	private final String extension;

	FileType(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	/** The extension stored objects of this type get, without the dot. */
	public String extension() {
		return extension;
	}

	public boolean isImage() {
		return this != PDF;
	}

	/** The type of a file from its first bytes; empty when it is none the clinic keeps. */
	public static Optional<FileType> of(byte[] head) {
		if (startsWith(head, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		// JPEG: a start-of-image marker followed by another marker (APP0/JFIF, APP1/Exif, a quantisation table…)
		if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
			return Optional.of(GIF);
		}
		// WebP: a RIFF container (four bytes of length between) whose form type is WEBP
		if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
			return Optional.of(WEBP);
		}
		if (startsWith(head, 0, ascii("%PDF-"))) {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
		if (data.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
