package io.polyclinic.faces.clinico;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.NewReportRequest;
import io.polyclinic.clinical.ReportRequest;
import io.polyclinic.clinical.ReportRequestStatus;
import io.polyclinic.clinical.ReportRequests;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/** A doctor asks a patient of theirs for lab reports (clinico.md's upload-report-requests). */
@RestController
@RequestMapping("/api/upload-report-requests")
class ClinicoReportRequestController {

	private final ReportRequests requests;

	ClinicoReportRequestController(ReportRequests requests) {
		this.requests = requests;
	}

	record Ask(@Nullable Long patientId, @Nullable String requestedTests, @Nullable String dueDate,
			@Nullable String additionalNotes) {
	}

	record Asked(UUID requestId, String requestCode, String status) {
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
