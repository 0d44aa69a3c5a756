package io.polyclinic.faces.hcp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.polyclinic.identity.TooManyCodes;
import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Refusal;

/**
 * How the Healthcare Platform words the modules' refusals: Django REST framework's own sentences for a bare denial
 * ("You do not have permission to perform this action."), the module's message otherwise, and the face's snake_case
 * field names, with the domain's names mapped where hcp calls a field otherwise.
 */
final class HcpRefusals {

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("fullName", "first_name"),
			Map.entry("clinicianId", "doctor_id"), Map.entry("specializations", "specialties"),
			Map.entry("feeMinor", "consultation_fee"), Map.entry("yearsOfExperience", "years_of_experience"),
			Map.entry("timeZone", "timezone"), Map.entry("score", "rating"), Map.entry("file", "document"),
			Map.entry("topic", "notification_type"),
			// a medical document's upload and links (emr)
			Map.entry("documentFile", "file"));

	private HcpRefusals() {
	}

	/**
	 * The original answers a step its lifecycle does not allow, and a slot that is no longer open, as a serializer's
	 * validation error: 400, not 409.
	 */
	static ErrorReport report(Refusal refusal) {
		if (refusal instanceof TooManyCodes tooMany) { // DRF's throttled answer: 429, with when to try again
			return new ErrorReport(HttpStatus.TOO_MANY_REQUESTS, refusal.code(), refusal.getMessage(), null,
					tooMany.retryAfter().toSeconds());
		}
		ErrorReport report = described(refusal);
		return switch (refusal.code()) {
			case "INVALID_STATUS_TRANSITION", "SLOT_UNAVAILABLE" -> new ErrorReport(
					org.springframework.http.HttpStatus.BAD_REQUEST, report.code(), report.message(), report.details(),
					report.retryAfterSeconds());
			default -> report;
		};
	}

	private static ErrorReport described(Refusal refusal) {
		ErrorReport plain = ErrorReport.of(refusal);
		String message = switch (refusal.code()) {
			case "FORBIDDEN" -> "You do not have permission to perform this action.";
			case "UNAUTHORIZED" -> "Authentication credentials were not provided.";
			case "INVALID_CREDENTIALS" -> "No active account found with the given credentials";
			default -> refusal.getMessage();
		};
		// the domain's names: HcpFace.errorBody names the fields as hcp does, once (a second mapping would turn a
		// field mapped to "file" into "document")
		Map<String, String> fields = new LinkedHashMap<>(refusal.fields());
		return new ErrorReport(plain.status(), refusal.code(), message, fields.isEmpty() ? null : fields, null);
	}

	/** The face's name of a field: mapped where hcp names it otherwise, else the domain's name in snake_case. */
	static String field(String name) {
		String mapped = FIELDS.get(name);
		return mapped != null ? mapped : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}
}
