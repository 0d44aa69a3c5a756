package io.polyclinic.faces.sos;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.polyclinic.identity.TooManyCodes;
import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Refusal;

/**
 * How sos words the modules' refusals: the domain's statuses (502 when a provider fails, 429 for codes asked too
 * often), its messages, and the snake_case names of its request fields where the domain names a field otherwise.
 */
final class SosRefusals {

	/** The domain's field names that sos's requests call otherwise. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("startsAt", "start_time"),
			Map.entry("endsAt", "end_time"), Map.entry("fee", "consultation_fee"), Map.entry("code", "token"),
			Map.entry("fullName", "name"), Map.entry("languages", "supported_languages"),
			Map.entry("specializations", "specialisation"), Map.entry("profilePictureUrl", "profile_picture"),
			Map.entry("from", "startDate"), Map.entry("reminderMinutes", "preferences.reminderTime"), Map.entry("to", "endDate"), Map.entry("timeZone", "time_zone"),
			Map.entry("clinicianId", "doctor_id"), Map.entry("patientId", "user_id"),
			Map.entry("sharedWithPatient", "is_shared_with_patient"));

	/** The contract's over-refund (more than is left, or any once refunded in full) is a bad request. */
	private static final Map<String, HttpStatus> STATUSES = Map.of("NOT_REFUNDABLE", HttpStatus.BAD_REQUEST,
			"PAYMENT_PROVIDER_FAILED", HttpStatus.BAD_GATEWAY,
			"MEETING_PROVIDER_FAILED", HttpStatus.BAD_GATEWAY, "NOTIFICATION_FAILED", HttpStatus.BAD_GATEWAY,
			TooManyCodes.CODE, HttpStatus.TOO_MANY_REQUESTS);

	private SosRefusals() {
	}

	static ErrorReport report(Refusal refusal) {
		HttpStatus status = STATUSES.getOrDefault(refusal.code(), ErrorReport.statusOf(refusal.kind()));
		String message = switch (refusal.kind()) {
			case INVALID -> Refusal.INVALID_INPUT.equals(refusal.code()) ? "Validation failed" : refusal.getMessage();
			case FORBIDDEN -> "FORBIDDEN".equals(refusal.code()) ? "Forbidden" : refusal.getMessage();
			default -> refusal.getMessage();
		};
		Long retryAfter = refusal instanceof TooManyCodes tooMany ? tooMany.retryAfter().toSeconds() : null;
		return new ErrorReport(status, refusal.code(), message, fields(refusal.fields()), retryAfter);
	}

	static String field(String domainName) {
		String named = FIELDS.get(domainName);
		if (named != null) {
			return named;
		}
		// camelCase domain names become the face's snake_case
		return domainName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static @Nullable Map<String, String> fields(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return null;
		}
		Map<String, String> named = new LinkedHashMap<>();
		fields.forEach((name, problem) -> named.put(field(name), problem));
		return named;
	}
}
