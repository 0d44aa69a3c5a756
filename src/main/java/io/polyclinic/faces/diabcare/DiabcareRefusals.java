package io.polyclinic.faces.diabcare;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Refusal;

/**
 * How DiabCare words the modules' refusals: the original backend's French sentences where its app shows them (a
 * taken email, a wrong password), NestJS's defaults for a bare denial, and the face's field names (nom, motDePasse,
 * numeroOrdre…) where the domain names a field otherwise.
 */
final class DiabcareRefusals {

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("fullName", "nom"),
			Map.entry("password", "motDePasse"), Map.entry("phone", "telephone"),
			Map.entry("dateOfBirth", "dateNaissance"), Map.entry("gender", "sexe"),
			Map.entry("bloodGroup", "groupeSanguin"), Map.entry("diabetesType", "typeDiabete"),
			Map.entry("registrationNumber", "numeroOrdre"), Map.entry("licenceNumber", "numeroOrdre"),
			Map.entry("pharmacyName", "nomPharmacie"), Map.entry("specializations", "specialite"),
			Map.entry("clinicianId", "doctorId"), Map.entry("startsAt", "dateTime"),
			// the only file this face takes is a profile photo, sent inline
			Map.entry("file", "photoProfil"), Map.entry("score", "note"));

	private static final Map<String, HttpStatus> STATUSES = Map.of("PAYMENT_PROVIDER_FAILED", HttpStatus.BAD_GATEWAY,
			"NOTIFICATION_FAILED", HttpStatus.BAD_GATEWAY);

	private DiabcareRefusals() {
	}

	static ErrorReport report(Refusal refusal) {
		HttpStatus status = STATUSES.getOrDefault(refusal.code(), ErrorReport.statusOf(refusal.kind()));
		String message = switch (refusal.code()) {
			case "INVALID_CREDENTIALS" -> "Email ou mot de passe incorrect";
			case "ALREADY_EXISTS" -> refusal.fields().containsKey("email") ? "Cet email est déjà utilisé"
					: refusal.getMessage();
			case "FORBIDDEN" -> "Forbidden resource";
			case "UNAUTHORIZED" -> "Unauthorized";
			default -> refusal.getMessage();
		};
		// a conflict names its field for the record, but NestJS answers it with one sentence
		Map<String, String> fields = refusal.kind() == Refusal.Kind.INVALID ? fields(refusal.fields()) : null;
		return new ErrorReport(status, refusal.code(), message, fields, null);
	}

	static String field(String domainName) {
		return FIELDS.getOrDefault(domainName, domainName);
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
