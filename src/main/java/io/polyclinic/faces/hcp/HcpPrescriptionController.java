package io.polyclinic.faces.hcp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.polyclinic.clinical.Medication;
import io.polyclinic.clinical.NewPrescription;
import io.polyclinic.clinical.Prescription;
import io.polyclinic.clinical.PrescriptionChanges;
import io.polyclinic.clinical.PrescriptionPdf;
import io.polyclinic.clinical.PrescriptionQuery;
import io.polyclinic.clinical.PrescriptionStatus;
import io.polyclinic.clinical.Prescriptions;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Prescriptions ({@code /api/emr/prescriptions/}), as the original's {@code Prescription}: written at an encounter by
 * its doctor, with a list of medications, and printed as a PDF. Who may write, read and print is the clinical
 * module's answer; this maps JSON. {@code prescribed_by} is the doctor's account, {@code patient} the patient's.
 */
@RestController
@RequestMapping("/api/emr/prescriptions")
class HcpPrescriptionController {

	private static final Map<String, PrescriptionQuery.Order> ORDERS = Map.of("created_at",
			PrescriptionQuery.Order.CREATED_AT, "updated_at", PrescriptionQuery.Order.UPDATED_AT, "prescription_date",
			PrescriptionQuery.Order.PRESCRIPTION_DATE, "valid_until", PrescriptionQuery.Order.VALID_UNTIL);

	private final Prescriptions prescriptions;
	private final PatientRegistry patients;

	HcpPrescriptionController(Prescriptions prescriptions, PatientRegistry patients) {
		this.prescriptions = prescriptions;
		this.patients = patients;
	}

	record MedicationItem(@Nullable String name, @Nullable String dosage, @Nullable String frequency,
			@Nullable String duration, @Nullable String instructions) {

		Medication toMedication() {
			return new Medication(name, dosage, frequency, duration, instructions);
		}

		static MedicationItem of(Medication m) {
			return new MedicationItem(m.name(), m.dosage(), m.frequency(), m.duration(),
					m.instructions() == null ? "" : m.instructions());
		}
	}

	/** What the app sends to write or change a prescription; on a change, a field left out stays as it is. */
	record PrescriptionBody(@Nullable Long encounter, @Nullable List<@Nullable MedicationItem> medications,
			@Nullable String diagnosis, @Nullable String instructions, @Nullable String notes,
			@Nullable String prescriptionDate, @Nullable String validUntil, @Nullable Integer refillsAllowed,
			@Nullable String status) {

		@Nullable
		List<Medication> items() {
			return medications == null ? null
					: medications.stream().map(m -> m == null ? null : m.toMedication()).toList();
		}
	}

	record PrescriptionView(long id, long encounter, long appointment, long patient, long doctor,
			List<MedicationItem> medications, String diagnosis, String instructions, String notes,
			LocalDate prescriptionDate, LocalDate validUntil, int refillsAllowed, String status, String pdfUrl,
			@Nullable Instant pdfGeneratedAt, long prescribedBy, Instant createdAt, Instant updatedAt) {
	}

	/**
	 * The prescriptions the caller may see: a patient's own, a doctor's patients', all for an administrator; filtered
	 * by {@code patient} (account id), {@code encounter}, {@code appointment}, {@code doctor}, {@code status},
	 * {@code search} (a medicine, the diagnosis, the patient's name).
	 */
	@GetMapping
	HcpReply<DrfPage<PrescriptionView>> list(@RequestParam(required = false) @Nullable Long patient,
			@RequestParam(required = false) @Nullable Long encounter,
			@RequestParam(required = false) @Nullable Long appointment,
			@RequestParam(required = false) @Nullable Long doctor,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String ordering, PageQuery page,
			@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
		Ordering<PrescriptionQuery.Order> order = Ordering.parse("ordering", ordering, ORDERS,
				new Ordering<>(PrescriptionQuery.Order.CREATED_AT, true));
		var query = new PrescriptionQuery(HcpEmr.patientFilter(patient, patients), doctor, encounter, appointment,
				HcpEmr.choice("status", status, PrescriptionStatus.class), search, order.key(), order.descending());
		return HcpReply.ok(DrfPage.of(prescriptions.find(query, page.pageable(), actor), page, "page",
				p -> view(p, request)), "Prescriptions retrieved successfully");
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<PrescriptionView> create(@RequestBody PrescriptionBody body, @AuthenticationPrincipal Actor actor,
			HttpServletRequest request) {
		Prescription written = prescriptions.write(new NewPrescription(body.encounter(), body.items(),
				body.diagnosis(), body.instructions(), body.notes(),
				HcpEmr.date("prescriptionDate", body.prescriptionDate()), HcpEmr.date("validUntil", body.validUntil()),
				body.refillsAllowed(), HcpEmr.choice("status", body.status(), PrescriptionStatus.class)), actor);
		return HcpReply.ok(view(written, request), "Prescription created successfully");
	}

	@GetMapping("/{id}")
	HcpReply<PrescriptionView> get(@PathVariable long id, @AuthenticationPrincipal Actor actor,
			HttpServletRequest request) {
		return HcpReply.ok(view(prescriptions.get(Ref.id(id), actor), request), "Prescription retrieved successfully");
	}

	/** PUT and PATCH alike: what the body names changes; medications, when sent, replace the list. */
	@RequestMapping(path = "/{id}", method = { RequestMethod.PUT, RequestMethod.PATCH })
	HcpReply<PrescriptionView> update(@PathVariable long id, @RequestBody PrescriptionBody body,
			@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
		Prescription changed = prescriptions.change(Ref.id(id), new PrescriptionChanges(body.items(),
				body.diagnosis(), body.instructions(), body.notes(),
				HcpEmr.date("prescriptionDate", body.prescriptionDate()), HcpEmr.date("validUntil", body.validUntil()),
				body.refillsAllowed(), HcpEmr.choice("status", body.status(), PrescriptionStatus.class)), actor);
		return HcpReply.ok(view(changed, request), "Prescription updated successfully");
	}

	/**
	 * The prescription printed: the PDF itself ({@code application/pdf}, as an attachment), as the original's view
	 * answered. POST as hcp.md writes it ("generate"); GET too, the original's download, so a link can fetch it.
	 */
	@RequestMapping(path = "/{id}/pdf", method = { RequestMethod.POST, RequestMethod.GET })
	ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		PrescriptionPdf pdf = prescriptions.print(Ref.id(id), actor);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
			.body(pdf.content());
	}

	static PrescriptionView view(Prescription p, HttpServletRequest request) {
		String pdfUrl = p.pdfGeneratedAt() == null ? "" : pdfUrl(p.id(), request);
		return new PrescriptionView(p.id(), p.encounterId(), p.appointmentId(), p.patientUserId(), p.clinicianId(),
				p.medications().stream().map(MedicationItem::of).toList(), p.diagnosis(), p.instructions(), p.notes(),
				p.prescriptionDate(), p.validUntil(), p.refillsAllowed(), HcpEmr.spelling(p.status()), pdfUrl,
				p.pdfGeneratedAt(), p.authorUserId(), p.createdAt(), p.updatedAt());
	}

	/** Where the PDF is fetched, under the face's own prefix (/hcp, or none where hcp is also served at the root). */
	private static String pdfUrl(long id, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		int api = path.indexOf("/api/emr/");
		String prefix = api < 0 ? "" : path.substring(0, api);
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(prefix + "/api/emr/prescriptions/" + id
				+ "/pdf/").toUriString();
	}
}
