package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.NewReportRequest;
import io.polyclinic.clinical.ReportRequest;
import io.polyclinic.clinical.ReportRequestStatus;
import io.polyclinic.clinical.ReportRequests;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * A doctor asks a patient of theirs for lab reports (clinico.md's upload-report-requests); and, in the original
 * server's dialect (clinico.md lists neither), the doctor's list of their requests and the patient's list of theirs.
 */
@RestController
@RequestMapping("/api/upload-report-requests")
class ClinicoReportRequestController {

	private static final int DEFAULT_LIMIT = 50;

	private final ReportRequests requests;

	ClinicoReportRequestController(ReportRequests requests) {
		this.requests = requests;
	}

	record Ask(@Nullable Long patientId, @Nullable String requestedTests, @Nullable String dueDate,
			@Nullable String additionalNotes) {
	}

	record Asked(UUID requestId, String requestCode, String status) {
	}

	/** The doctor's view of a request, as the original server lists it. */
	record Sent(UUID requestId, String requestCode, long patientId, String patientName, String requestedTests,
			LocalDate dueDate, String status, Instant createdAt) {
	}

	/** The patient's view of a request, as the original server lists it. */
	record Received(UUID requestId, String requestCode, String professionalName, String requestedTests,
			LocalDate dueDate, String status, @Nullable String additionalNotes, Instant createdAt) {
	}

	record Listing<T>(boolean success, int total, List<T> requests) {
	}

	@GetMapping
	Listing<Sent> sent(@RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "patient_id", required = false) @Nullable Long patientId,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit, @RequestParam(defaultValue = "0") long offset,
			@AuthenticationPrincipal Actor actor) {
		List<Sent> sent = requests.sent(status(status), patientId, limit(limit), offset(offset), actor).stream()
			.map(l -> new Sent(l.request().publicId(), l.request().code(), l.request().patientId(), l.patientName(),
					l.request().requestedTests(), l.request().dueDate(), status(l.request().status()),
					l.request().createdAt()))
			.toList();
		return new Listing<>(true, sent.size(), sent);
	}

	@GetMapping("/me")
	Listing<Received> received(@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit, @RequestParam(defaultValue = "0") long offset,
			@AuthenticationPrincipal Actor actor) {
		List<Received> received = requests.received(status(status), limit(limit), offset(offset), actor).stream()
			.map(l -> new Received(l.request().publicId(), l.request().code(), l.clinicianName(),
					l.request().requestedTests(), l.request().dueDate(), status(l.request().status()),
					l.request().additionalNotes(), l.request().createdAt()))
			.toList();
		return new Listing<>(true, received.size(), received);
	}

	private static @Nullable ReportRequestStatus status(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (ReportRequestStatus status : ReportRequestStatus.values()) {
			if (status(status).equals(value.strip())) {
				return status;
			}
		}
		throw Refusal.invalidField("status", "must be Pending, Submitted or Cancelled");
	}

	private static int limit(int limit) {
		if (limit < 1 || limit > ReportRequests.MAX_LIMIT) {
			throw Refusal.invalidField("limit", "must be between 1 and " + ReportRequests.MAX_LIMIT);
		}
		return limit;
	}

	private static long offset(long offset) {
		if (offset < 0) {
			throw Refusal.invalidField("offset", "cannot be negative");
		}
		return offset;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Asked ask(@RequestBody Ask body, @AuthenticationPrincipal Actor actor) {
		if (body.patientId() == null) {
			throw Refusal.invalidField("patientId", "This field is required.");
		}
		ReportRequest asked = requests.request(new NewReportRequest(body.patientId(), body.requestedTests(),
				date(body.dueDate()), body.additionalNotes()), actor);
		return new Asked(asked.publicId(), asked.code(), status(asked.status()));
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField("dueDate", "Invalid due date format. Use YYYY-MM-DD");
		}
	}

	static String status(ReportRequestStatus status) {
		return switch (status) {
			case PENDING -> "Pending";
			case SUBMITTED -> "Submitted";
			case CANCELLED -> "Cancelled";
		};
	}
}
