package io.polyclinic.faces.hcp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.Patient;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Role;

/**
 * A user as the original's {@code UserSerializer} renders one: the account's numeric id, its login names, the name
 * split into first and last, the role as hcp names it, and a patient's own details where the user is one. Fields the
 * clinic does not keep for a user (a second address line, an emergency contact's relationship) are empty strings,
 * as Django's blank fields are.
 */
@Component
class HcpUsers {

	/** hcp's three roles; staff of the clinic's other products keep their own name, in lower case. */
	static String role(Role role) {
		return switch (role) {
			case PATIENT -> "patient";
			case CLINICIAN -> "doctor";
			case ADMIN, SUPERADMIN, MANAGER -> "admin";
			default -> role.name().toLowerCase(Locale.ROOT);
		};
	}

	/** Django's one-letter genders from the clinic's names, and back (the app also sends {@code other}). */
	static @Nullable String gender(@Nullable String clinic) {
		if (clinic == null) {
			return null;
		}
		return switch (clinic) {
			case "MALE" -> "M";
			case "FEMALE" -> "F";
			case "OTHER" -> "O";
			case "PREFER_NOT_TO_SAY" -> "N";
			default -> clinic;
		};
	}

	static @Nullable String clinicGender(@Nullable String hcp) {
		if (hcp == null || hcp.isBlank()) {
			return null;
		}
		return switch (hcp.trim().toLowerCase(Locale.ROOT)) {
			case "m", "male" -> "MALE";
			case "f", "female" -> "FEMALE";
			case "o", "other" -> "OTHER";
			case "n", "prefer_not_to_say", "prefer not to say" -> "PREFER_NOT_TO_SAY";
			default -> throw new io.polyclinic.platform.Refusal(io.polyclinic.platform.Refusal.Kind.INVALID,
					io.polyclinic.platform.Refusal.INVALID_INPUT, "Invalid input.",
					Map.of("gender", "\"" + hcp + "\" is not a valid choice."));
		};
	}

	static String firstName(String fullName) {
		String name = fullName.trim();
		int space = name.indexOf(' ');
		return space < 0 ? name : name.substring(0, space);
	}

	static String lastName(String fullName) {
		String name = fullName.trim();
		int space = name.indexOf(' ');
		return space < 0 ? "" : name.substring(space + 1).trim();
	}

	/** The user, with a patient's date of birth, gender and emergency contact when {@code patient} is given. */
	Map<String, Object> user(Account account, @Nullable Patient patient) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", account.id());
		user.put("username", account.username() != null ? account.username()
				: account.email() != null ? account.email() : "");
		user.put("email", account.email() == null ? "" : account.email());
		user.put("first_name", firstName(account.fullName()));
		user.put("last_name", lastName(account.fullName()));
		user.put("role", role(account.role()));
		user.put("phone", account.phone() == null ? "" : account.phone());
		user.put("date_of_birth", patient == null || patient.dateOfBirth() == null ? null : patient.dateOfBirth().toString());
		String gender = patient == null ? null : gender(patient.gender());
		user.put("gender", gender == null ? "" : gender);
		user.put("is_phone_verified", account.phoneVerified());
		user.put("is_email_verified", account.emailVerified());
		user.put("is_identity_verified", account.identityVerified());
		user.put("emergency_contact_name",
				patient == null || patient.emergencyContactName() == null ? "" : patient.emergencyContactName());
		user.put("emergency_contact_phone",
				patient == null || patient.emergencyContactPhone() == null ? "" : patient.emergencyContactPhone());
		user.put("emergency_contact_relationship", "");
		user.put("is_active", account.active());
		user.put("date_joined", account.createdAt().toString());
		return user;
	}
}
