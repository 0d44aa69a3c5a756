package io.polyclinic.clinical.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.Medication;
import io.polyclinic.clinical.Prescription;

/**
 * Prints a prescription as a PDF (A4, the standard Helvetica fonts, so nothing is read from the machine): the clinic,
 * the prescribing doctor, the patient, the date and validity, the diagnosis, each medicine with its dosage, frequency,
 * duration and instructions, the general instructions, and a place to sign. Text wraps and runs onto further pages.
 * A character the standard fonts cannot show (another script) prints as '?', so a name never stops the printing.
 */
@Component
public class PrescriptionDocument {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' HH:mm z",
			Locale.ENGLISH);

	/** Who and where, beside the prescription itself. */
	public record Sheet(String clinicName, List<String> clinicAddress, String doctorName, List<String> specialties,
			@Nullable String registrationNumber, String patientName, @Nullable LocalDate patientBirthDate,
			@Nullable String patientGender, @Nullable String patientPhone, ZoneId zone) {
	}

	public byte[] print(Prescription prescription, Sheet sheet, Instant now) {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("Prescription " + number(prescription));
			info.setAuthor(sheet.doctorName());
			info.setCreator(sheet.clinicName());
			Calendar created = GregorianCalendar.from(now.atZone(sheet.zone()));
			info.setCreationDate(created);
			var page = new Pages(document);
			page.centred(sheet.clinicName(), page.bold, 20);
			for (String line : sheet.clinicAddress()) {
				page.centred(line, page.regular, 9);
			}
			page.gap(10);
			page.rule();
			page.centred("PRESCRIPTION", page.bold, 16);
			page.line("Prescription No. " + number(prescription), page.regular, 9);
			page.gap(6);

			page.line("Prescribing Doctor", page.bold, 12);
			page.wrapped("Name: " + titled(sheet.doctorName()), page.regular, 10, 10);
			if (!sheet.specialties().isEmpty()) {
				page.wrapped("Specialty: " + String.join(", ", sheet.specialties()), page.regular, 10, 10);
			}
			if (present(sheet.registrationNumber())) {
				page.wrapped("Registration No.: " + sheet.registrationNumber(), page.regular, 10, 10);
			}
			page.gap(4);
			page.line("Patient", page.bold, 12);
			page.wrapped("Name: " + sheet.patientName(), page.regular, 10, 10);
			if (sheet.patientBirthDate() != null) {
				page.wrapped("Date of Birth: " + DAY.format(sheet.patientBirthDate()), page.regular, 10, 10);
			}
			if (present(sheet.patientGender())) {
				page.wrapped("Gender: " + sheet.patientGender(), page.regular, 10, 10);
			}
			if (present(sheet.patientPhone())) {
				page.wrapped("Phone: " + sheet.patientPhone(), page.regular, 10, 10);
			}
			page.gap(4);
			page.wrapped("Date: " + DAY.format(prescription.prescriptionDate()) + "    Valid until: "
					+ DAY.format(prescription.validUntil()) + "    Refills allowed: " + prescription.refillsAllowed()
					+ "    Status: " + prescription.status().name().toLowerCase(Locale.ROOT), page.regular, 10, 0);
			if (present(prescription.diagnosis())) {
				page.gap(4);
				page.line("Diagnosis", page.bold, 12);
				page.wrapped(prescription.diagnosis(), page.regular, 10, 10);
			}
			page.gap(6);
			page.rule();
			page.line("Medications", page.bold, 12);
			int n = 1;
			for (Medication medication : prescription.medications()) {
				page.gap(2);
				page.wrapped(n++ + ". " + medication.name(), page.bold, 11, 0);
				page.wrapped("Dosage: " + medication.dosage() + "    Frequency: " + medication.frequency()
						+ "    Duration: " + medication.duration(), page.regular, 10, 14);
				if (present(medication.instructions())) {
					page.wrapped("Instructions: " + medication.instructions(), page.regular, 10, 14);
				}
			}
			if (present(prescription.instructions())) {
				page.gap(6);
				page.line("General Instructions", page.bold, 12);
				page.wrapped(prescription.instructions(), page.regular, 10, 10);
			}
			page.gap(30);
			page.line("______________________________", page.regular, 10);
			page.line(titled(sheet.doctorName()) + " - Doctor's Signature", page.regular, 10);
			page.gap(16);
			page.line("This prescription is valid until " + DAY.format(prescription.validUntil()) + ".",
					page.regular, 8);
			page.line("Generated on " + MOMENT.format(now.atZone(sheet.zone())) + ".", page.regular, 8);
			page.close();
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The prescription could not be printed", e);
		}
	}

	/** The number printed on it: its row's, so staff can find it. */
	static String number(Prescription prescription) {
		return "RX-" + prescription.id();
	}

	/** The doctor's name with their title, which some names carry already. */
	private static String titled(String name) {
		return name.matches("(?i)^dr\\.?\\s.*") ? name : "Dr. " + name;
	}

	private static boolean present(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	/** A cursor down the pages of a document, starting a page when one is full. */
	private static final class Pages {

		// a document's own font objects: PDFBox's fonts are not meant to be shared between documents and threads
		final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
		static final float MARGIN = 56;

		private final PDDocument document;
		private @Nullable PDPageContentStream stream;
		private float y;
		private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

		Pages(PDDocument document) throws IOException {
			this.document = document;
			newPage();
		}

		void line(String text, PDType1Font font, float size) throws IOException {
			show(printable(text, font), font, size, MARGIN);
		}

		void centred(String text, PDType1Font font, float size) throws IOException {
			for (String line : wrap(printable(text, font), font, size, width)) {
				show(line, font, size, MARGIN + (width - font.getStringWidth(line) / 1000 * size) / 2);
			}
		}

		void wrapped(String text, PDType1Font font, float size, float indent) throws IOException {
			for (String paragraph : text.split("\\R")) {
				for (String line : wrap(printable(paragraph, font), font, size, width - indent)) {
					show(line, font, size, MARGIN + indent);
				}
			}
		}

		void gap(float height) throws IOException {
			y -= height;
			if (y < MARGIN) {
				newPage();
			}
		}

		void rule() throws IOException {
			gap(4);
			PDPageContentStream s = stream();
			s.moveTo(MARGIN, y);
			s.lineTo(MARGIN + width, y);
			s.stroke();
			gap(12);
		}

		void close() throws IOException {
			if (stream != null) {
				stream.close();
				stream = null;
			}
		}

		private void show(String line, PDType1Font font, float size, float x) throws IOException {
			float height = size * 1.4f;
			if (y - height < MARGIN) {
				newPage();
			}
			y -= height;
			PDPageContentStream s = stream();
			s.beginText();
			s.setFont(font, size);
			s.newLineAtOffset(x, y);
			s.showText(line);
			s.endText();
		}

		private PDPageContentStream stream() {
			if (stream == null) {
				throw new IllegalStateException("No page open");
			}
			return stream;
		}

		private void newPage() throws IOException {
			close();
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			stream = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		/** Words onto lines no wider than the width; a word wider than a line is cut. */
		private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split(" +")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (widthOf(candidate, font, size) <= width) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				String rest = word;
				while (widthOf(rest, font, size) > width) {
					int cut = rest.length() - 1;
					while (cut > 1 && widthOf(rest.substring(0, cut), font, size) > width) {
						cut--;
					}
					lines.add(rest.substring(0, cut));
					rest = rest.substring(cut);
				}
				line.append(rest);
			}
			if (!line.isEmpty() || lines.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		private static float widthOf(String text, PDType1Font font, float size) throws IOException {
			return font.getStringWidth(text) / 1000 * size;
		}

		/** The text with what the font cannot encode (and control characters) replaced. */
		private static String printable(String text, PDType1Font font) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(cp -> {
				if (Character.isISOControl(cp)) {
					out.append(' ');
					return;
				}
				String ch = new String(Character.toChars(cp));
				try {
					font.encode(ch);
					out.append(ch);
				}
				catch (IOException | IllegalArgumentException e) {
					out.append('?');
				}
			});
			return out.toString();
		}
	}
}
