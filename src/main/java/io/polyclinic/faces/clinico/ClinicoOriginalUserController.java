package io.polyclinic.faces.clinico;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.Callers;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;

/**
 * The original Clinico server's {@code GET /api/users/me}: the caller's account and, for a patient or a professional,
 * their own record's fields beside it, bare, as the original answered.
 */
@RestController
@RequestMapping("/api/users")
class ClinicoOriginalUserController {

	private final Callers callers;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;

	ClinicoOriginalUserController(Callers callers, PatientRegistry patients, ClinicianRegistry clinicians) {
		this.callers = callers;
		this.patients = patients;
		this.clinicians = clinicians;
	}

	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal Actor actor) {
		Account account = callers.self(actor);
		// the fields differ by role, as the original's did: built by hand, in its snake_case
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("user_id", account.id());
		me.put("user_id_uuid", account.publicId());
		me.put("email", account.email());
		me.put("full_name", account.fullName());
		me.put("phone_number", account.phone());
		me.put("role", ClinicoOriginalDialect.role(account.role()));
		me.put("created_at", account.createdAt());
		if (account.role() == Role.PATIENT) {
			var patient = patients.self(actor);
			me.put("patient_id", patient.id());
			me.put("patient_id_uuid", patient.publicId());
			me.put("date_of_birth", patient.dateOfBirth());
			me.put("gender", patient.gender());
			me.put("blood_group", patient.bloodGroup());
		}
		else if (account.role() == Role.CLINICIAN) {
			clinicians.forUser(account.id()).ifPresent(clinician -> {
				me.put("professional_id", clinician.id());
				me.put("professional_id_uuid", clinician.publicId());
				me.put("specialty", ClinicoOriginalDialect.specialty(clinician));
				me.put("credentials", ClinicoOriginalDialect.credentials(clinician));
				me.put("years_of_experience", clinician.yearsOfExperience());
				me.put("verification_status", ClinicoOriginalDialect.verification(clinician.verification()));
				me.put("rating", clinician.listing().rating());
				me.put("total_reviews", clinician.listing().ratingCount());
				me.put("languages_spoken", ClinicoOriginalDialect.joined(clinician.languages()));
			});
		}
		return me;
	}
}
