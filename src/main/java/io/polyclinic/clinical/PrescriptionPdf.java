package io.polyclinic.clinical;

/**
 * A prescription printed: a PDF document, and the name to save it under.
 *
 * @param content the bytes of the PDF
 */
public record PrescriptionPdf(String fileName, byte[] content) {
}
