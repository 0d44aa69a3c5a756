package io.polyclinic.faces.mibo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The patient dashboard's profile: {@code /api/patient/profile}, the caller's own record only.
 */
@RestController
@RequestMapping("/api/patient/profile")
@PreAuthorize("hasRole('PATIENT')")
class PatientProfileController {

	private final PatientRegistry patients;

	PatientProfileController(PatientRegistry patients) {
		this.patients = patients;
	}

	record Profile(long id, String fullName, @Nullable String phone, @Nullable String email,
			@Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup,
			@Nullable String emergencyContactName, @Nullable String emergencyContactPhone) {

		static Profile of(Patient p) {
			return new Profile(p.id(), p.fullName(), p.phone(), p.email(), p.dateOfBirth(), p.gender(), p.bloodGroup(),
					p.emergencyContactName(), p.emergencyContactPhone());
		}
	}

	record ProfileChanges(@Nullable @Size(min = 1, max = 200, message = "Full name must be 1-200 characters") String fullName,
			@Nullable @Email(message = "Invalid email format") String email, @Nullable LocalDate dateOfBirth,
			@Nullable @Pattern(regexp = "MALE|FEMALE|OTHER|PREFER_NOT_TO_SAY", message = "Gender must be MALE, FEMALE, OTHER or PREFER_NOT_TO_SAY") String gender,
			@Nullable @Pattern(regexp = "(A|B|AB|O)[+-]", message = "Unknown blood group") String bloodGroup,
			@Nullable @Size(max = 200) String emergencyContactName,
			@Nullable @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "Invalid phone number") String emergencyContactPhone) {
	}

	@GetMapping
	Reply<Profile> profile(@AuthenticationPrincipal Actor actor) {
		Patient self = patients.self(actor);
		return Reply.of(Profile.of(patients.get(self.id(), actor)));
	}

	/** The phone number is the patient's sign-in: it is not changed here. */
	@PutMapping
	Reply<Void> update(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ProfileChanges changes) {
		Patient self = patients.self(actor);
		patients.change(self.id(), new PatientDetails(changes.fullName(), null, changes.email(), changes.dateOfBirth(),
				changes.gender(), changes.bloodGroup(), changes.emergencyContactName(), changes.emergencyContactPhone(),
				null), actor);
		return Reply.message("Profile updated successfully");
	}
}
