package io.polyclinic.faces.mibo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.polyclinic.identity.TooManyCodes;
import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Refusal;

/**
 * How Mibo words the modules' refusals: its error codes (VALIDATION_ERROR, DUPLICATE_ENTRY, PAYMENT_FAILED…), its
 * statuses (502 when a provider fails) and its camelCase field names where the domain names a field otherwise.
 */
final class MiboRefusals {

	static final String NO_PERMISSION = "You don't have permission to access this resource";

	/** The domain's field names that Mibo's requests call otherwise. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("startsAt", "appointmentTime"),
			Map.entry("fee", "consultationFee"), Map.entry("consultationMinutes", "defaultConsultationDurationMinutes"),
			Map.entry("patient.fullName", "patientName"), Map.entry("role", "roleId"), Map.entry("url", "meetLink"),
			Map.entry("endsAt", "endTime"), Map.entry("from", "startDate"), Map.entry("to", "endDate"),
			Map.entry("orderId", "razorpayOrderId"), Map.entry("paymentId", "razorpayPaymentId"),
			Map.entry("signature", "razorpaySignature"), Map.entry("code", "otp"));

	private static final String HOURS = "hours[";
	private static final String MIBO_HOURS = "availabilityRules[";

	private record Wording(HttpStatus status, String code) {
	}

	/** The refusals Mibo reports under another code or status than the domain's own. */
	private static final Map<String, Wording> CODES = Map.ofEntries(
			Map.entry(Refusal.INVALID_INPUT, new Wording(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")),
			Map.entry("ALREADY_EXISTS", new Wording(HttpStatus.CONFLICT, "DUPLICATE_ENTRY")),
			Map.entry("ALREADY_PAID", new Wording(HttpStatus.CONFLICT, "DUPLICATE_ENTRY")),
			Map.entry("OWN_ACCOUNT", new Wording(HttpStatus.CONFLICT, "CONFLICT")),
			Map.entry("SIGNATURE_INVALID", new Wording(HttpStatus.BAD_REQUEST, "PAYMENT_FAILED")),
			Map.entry("NOT_PAYABLE", new Wording(HttpStatus.CONFLICT, "PAYMENT_FAILED")),
			Map.entry("PAID_ELSEWHERE", new Wording(HttpStatus.CONFLICT, "PAYMENT_FAILED")),
			Map.entry("PAYMENT_PROVIDER_FAILED", new Wording(HttpStatus.BAD_GATEWAY, "PAYMENT_FAILED")),
			Map.entry("MEETING_PROVIDER_FAILED", new Wording(HttpStatus.BAD_GATEWAY, "MEETING_PROVIDER_FAILED")),
			Map.entry("NOTIFICATION_FAILED", new Wording(HttpStatus.BAD_GATEWAY, "NOTIFICATION_FAILED")),
			Map.entry(TooManyCodes.CODE, new Wording(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMIT_EXCEEDED")));

	private MiboRefusals() {
	}

	static ErrorReport report(Refusal refusal) {
		Wording wording = CODES.getOrDefault(refusal.code(),
				new Wording(ErrorReport.statusOf(refusal.kind()), refusal.code()));
		String message = switch (refusal.kind()) {
			case INVALID -> Refusal.INVALID_INPUT.equals(refusal.code()) ? "Validation failed" : refusal.getMessage();
			case FORBIDDEN -> "FORBIDDEN".equals(refusal.code()) ? NO_PERMISSION : refusal.getMessage();
			default -> refusal.getMessage();
		};
		// a destination out of codes is told, like Mibo's own rate limits, when to try again
		Long retryAfter = refusal instanceof TooManyCodes tooMany ? tooMany.retryAfter().toSeconds() : null;
		return new ErrorReport(wording.status(), wording.code(), message, fields(refusal.fields()), retryAfter);
	}

	static String field(String domainName) {
		String named = FIELDS.get(domainName);
		if (named != null) {
			return named;
		}
		return domainName.startsWith(HOURS) ? MIBO_HOURS + domainName.substring(HOURS.length()) : domainName;
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
