package io.polyclinic.faces.hcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.polyclinic.clinical.DocumentLink;
import io.polyclinic.clinical.MedicalDocumentChanges;
import io.polyclinic.clinical.MedicalDocumentQuery;
import io.polyclinic.clinical.MedicalDocuments;
import io.polyclinic.clinical.NewMedicalDocument;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Medical documents: a multipart upload (the file in {@code file}, with {@code document_type}, {@code title},
 * {@code description}, {@code owner} — the patient's user id, which a patient may leave out — and
 * {@code appointment}), the list, one document, its description changed, its deletion, and {@code download/}: a
 * signed link that serves the file's bytes to whoever holds it until it expires.
 */
@RestController
@RequestMapping("/api/emr/documents")
class HcpDocumentController {

	private static final Map<String, MedicalDocumentQuery.Order> ORDERS = Map.of("created_at",
			MedicalDocumentQuery.Order.CREATED_AT, "updated_at", MedicalDocumentQuery.Order.UPDATED_AT, "title",
			MedicalDocumentQuery.Order.TITLE, "document_type", MedicalDocumentQuery.Order.DOCUMENT_TYPE);

	private final MedicalDocuments documents;
	private final HcpCharts charts;
	private final Clock clock;

	HcpDocumentController(MedicalDocuments documents, HcpCharts charts, Clock clock) {
		this.documents = documents;
		this.charts = charts;
		this.clock = clock;
	}

	@GetMapping
	HcpReply<DrfPage<HcpCharts.Document>> list(@RequestParam(required = false) @Nullable Long owner,
			@RequestParam(name = "document_type", required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable Long appointment,
			@RequestParam(name = "is_verified", required = false) @Nullable Boolean verified,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String ordering, PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var order = Ordering.parse("ordering", ordering, ORDERS,
				new Ordering<>(MedicalDocumentQuery.Order.CREATED_AT, true));
		var query = new MedicalDocumentQuery(charts.patientFilter(owner), HcpCharts.documentType(type), appointment,
				verified, search, order.key(), order.descending());
		return HcpReply.ok(DrfPage.of(documents.find(query, page.pageable(), actor), page, "page",
				HcpCharts::document), "Medical documents retrieved successfully");
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<HcpCharts.Document> upload(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(name = "document_type", required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable Long owner,
			@RequestParam(required = false) @Nullable Long appointment, @AuthenticationPrincipal Actor actor) {
		long patientId;
		if (owner != null) {
			patientId = charts.patientIn("owner", owner).id();
		}
		else if (actor.is(Role.PATIENT)) {
			patientId = charts.patientAt(actor.userId()).id();
		}
		else {
			throw Refusal.invalidField("owner", "This field is required.");
		}
		byte[] bytes;
		try {
			bytes = file == null ? null : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the uploaded document", e);
		}
		var uploaded = documents.upload(new NewMedicalDocument(patientId, HcpCharts.documentType(type), title,
				description, appointment, bytes, file == null ? null : file.getOriginalFilename()), actor);
		return HcpReply.ok(HcpCharts.document(uploaded), "Medical document uploaded successfully");
	}

	@GetMapping("/{id}")
	HcpReply<HcpCharts.Document> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(HcpCharts.document(documents.get(id, actor)), "Medical document retrieved successfully");
	}

	record Changes(@Nullable String documentType, @Nullable String title, @Nullable String description,
			@Nullable Boolean isVerified) {
	}

	@RequestMapping(path = "/{id}", method = { RequestMethod.PUT, RequestMethod.PATCH })
	HcpReply<HcpCharts.Document> change(@PathVariable long id, @RequestBody Changes body,
			@AuthenticationPrincipal Actor actor) {
		var changed = documents.change(id, new MedicalDocumentChanges(HcpCharts.documentType(body.documentType()),
				body.title(), body.description(), body.isVerified()), actor);
		return HcpReply.ok(HcpCharts.document(changed), "Medical document updated successfully");
	}

	@DeleteMapping("/{id}")
	HcpReply<@Nullable Object> delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		documents.delete(id, actor);
		return HcpReply.ok(null, "Medical document deleted successfully");
	}

	record Download(String downloadUrl, Instant expiresAt, long expiresIn, String fileName, String mimeType) {
	}

	@GetMapping("/{id}/download")
	HcpReply<Download> download(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		DocumentLink link = documents.link(id, actor);
		long seconds = Math.max(0, Duration.between(clock.instant(), link.expiresAt()).toSeconds());
		return HcpReply.ok(new Download(link.url(), link.expiresAt(), seconds, link.document().fileName(),
				link.document().contentType()), "Download URL generated successfully");
	}
}
